package io.automark.query.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps every failure of a query to an RFC 9457 problem with a stable {@code code}. It is limited to the query
 * side's controllers and comes first, so that in the one-process stack the command side's mapping never answers
 * for a query.
 */
@RestControllerAdvice(basePackages = "io.automark.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(InvalidQueryParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidQueryParameter e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldError(e.getName(), expected(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(ApiProblemHandler::fieldErrors)
                .toList();

        return invalid(errors);
    }

    /** A body's errors name its fields; a parameter's errors name the parameter. */
    private static Stream<FieldError> fieldErrors(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body && body.hasFieldErrors()) {
            return body.getFieldErrors().stream()
                    .map(error -> new FieldError(error.getField(), message(error)));
        }
        String parameter = result.getMethodParameter().getParameterName();
        return result.getResolvableErrors().stream()
                .map(error -> new FieldError(parameter, message(error)));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> bodyInvalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), message(error)))
                .toList();

        return invalid(errors);
    }

    /** A body too large, not JSON, or with an unknown field or a value of the wrong type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> bodyUnreadable(HttpMessageNotReadableException e) {
        if (NestedExceptionUtils.getRootCause(e) instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage());
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new FieldError(pathOf(mapping), "is unknown or has the wrong type")));
        }
        return invalid(List.of(new FieldError("body", "is missing or not valid JSON")));
    }

    /** Spring's own request failures (an unsupported method, a missing route) keep their status; others are 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse rejected && rejected.getStatusCode().is4xxClientError()) {
            return springRejection(rejected);
        }

        log.error("A query failed unexpectedly", e);

        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The query failed; see the service log");
    }

    private static ResponseEntity<ProblemDetail> springRejection(ErrorResponse rejected) {
        HttpStatusCode status = rejected.getStatusCode();
        String detail = rejected.getBody().getDetail();

        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return invalid(List.of(new FieldError("request", detail)));
        }
        String code = status.value() == HttpStatus.NOT_FOUND.value() ? "NOT_FOUND" : "REQUEST_REJECTED";
        return problem(status, code, detail);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        ResponseEntity<ProblemDetail> answer =
                problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid parameters");

        answer.getBody().setProperty("errors", errors);
        return answer;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());

        problem.setTitle(known == null ? "Request failed" : known.getReasonPhrase());
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return "must be a valid " + type.getSimpleName().toLowerCase();
    }

    private static String pathOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** One invalid input: the parameter's name and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
