package io.automark.command.common;

/**
 * One thing wrong with a request.
 *
 * @param field   where the problem is, as a JSON path such as {@code flow.components[2].config.url}
 * @param message what is wrong, for a person
 */
public record Problem(String field, String message) {
}
