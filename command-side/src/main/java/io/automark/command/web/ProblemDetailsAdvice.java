package io.automark.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.automark.command.common.DomainException;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps every failure of a command to RFC 9457 problem details with a stable {@code code}, in one place. Domain
 * rejections are answered, not logged as errors; an unexpected failure is a 500, logged once.
 */
@RestControllerAdvice(basePackages = "io.automark.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return switch (e.code()) {
            case "NOT_FOUND" -> problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
            case "VALIDATION_FAILED" -> invalid(e.getMessage(), ((InvalidInputException) e).problems());
            case "PAYLOAD_TOO_LARGE" -> problem(HttpStatus.PAYLOAD_TOO_LARGE, e.code(), e.getMessage());
            default -> problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
        };
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail wrapped(CommandExecutionException e) {
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "nothing with id " + e.getAggregateIdentifier()
                + " exists in this workspace");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "VERSION_CONFLICT", "changed concurrently; read it again and retry");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problem(error.getField(), error.getDefaultMessage()))
                .toList();
        return invalid("the request body is invalid", problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidArguments(HandlerMethodValidationException e) {
        List<Problem> problems = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> problems.add(new Problem(error.getField(),
                        error.getDefaultMessage())));
                errors.getGlobalErrors().forEach(error -> problems.add(new Problem(nameOf(result),
                        error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> problems.add(new Problem(nameOf(result),
                        error.getDefaultMessage())));
            }
        }
        return invalid("the request is invalid", problems);
    }

    private static String nameOf(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        String base = name == null ? "parameter" : name;
        return result.getContainerIndex() == null ? base : base + "[" + result.getContainerIndex() + "]";
    }

    @ExceptionHandler({ConstraintViolationException.class,
            MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ProblemDetail invalidParameter(Exception e) {
        return invalid("a path, query or header parameter is invalid", List.of(new Problem("parameters",
                firstLine(e.getMessage()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (tooLarge(e) != null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge(e).getMessage());
        }
        Problem problem = e.getCause() instanceof JsonMappingException binding ? JsonProblems.of(binding, "") : null;
        if (problem != null) {
            return invalid(e.getCause() instanceof UnrecognizedPropertyException
                    ? "the request body has an unknown field" : "the request body has a value of the wrong type",
                    List.of(problem));
        }
        return invalid("the request body is not valid JSON", List.of(new Problem("body", "malformed JSON")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", firstLine(e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", firstLine(e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchPath(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such path");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("A command failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "an unexpected error occurred");
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    private static ProblemDetail invalid(String detail, List<Problem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }

    private static Throwable tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.PayloadTooLarge) {
                return cause;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
