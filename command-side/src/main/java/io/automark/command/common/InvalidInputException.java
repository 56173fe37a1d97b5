package io.automark.command.common;

import java.util.List;

/** A request was refused because of what it holds; answered with 400 VALIDATION_FAILED listing every problem. */
public class InvalidInputException extends DomainException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the request");
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String code() {
        return "VALIDATION_FAILED";
    }
}
