package io.automark.command.execution;

/**
 * An attempt of a batch threw: names where (a component, or the reading of the batch's chunk) around what it threw,
 * so that the attempt's warning tells an operator where to look.
 */
class BatchFailure extends RuntimeException {

    BatchFailure(String where, RuntimeException cause) {
        super(where + " threw " + BatchRouter.causeOf(cause), cause);
    }

    /** What an attempt threw, for its warning: where and what for a batch failure, else the exception's type. */
    static String describe(RuntimeException thrown) {
        return thrown instanceof BatchFailure ? thrown.getMessage() : BatchRouter.causeOf(thrown);
    }
}
