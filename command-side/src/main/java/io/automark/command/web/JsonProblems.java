package io.automark.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.automark.command.common.Problem;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON value that could not be bound, in the words of JSON (an object, an array, a string)
 * rather than those of the Java type it was bound to, under the value's path in the body.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * The problem a binding error stands for; null when it is not about one value (the JSON itself is broken).
     *
     * @param prefix the path of the bound value within the body, such as {@code [3]}; empty for the body itself
     */
    public static Problem of(JsonMappingException error, String prefix) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return new Problem(path(unknown, prefix), "unknown field '" + unknown.getPropertyName() + "'");
        }
        if (error instanceof MismatchedInputException mismatch) {
            return new Problem(path(mismatch, prefix), expectation(mismatch.getTargetType()));
        }
        return null;
    }

    private static String path(JsonMappingException error, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String expectation(Class<?> type) {
        if (type == null) {
            return "expected a value of another type";
        }
        if (type == Instant.class) {
            return "expected an ISO-8601 instant in a string, such as 2026-12-03T10:00:00Z";
        }
        if (type.isEnum()) {
            return "expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "expected " + jsonKindOf(type);
    }

    private static String jsonKindOf(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object"
                : "a value of another type";
    }
}
