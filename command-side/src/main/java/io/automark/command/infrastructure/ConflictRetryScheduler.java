package io.automark.command.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Retries a command only when it lost a race on its aggregate's event stream: another instance appended first, or
 * this one loaded a stale aggregate from its cache. Axon's own schedulers retry every failure that is not marked
 * non-transient, domain refusals included, which would only delay their answer.
 */
final class ConflictRetryScheduler extends IntervalRetryScheduler {

    ConflictRetryScheduler(IntervalRetryScheduler.Builder builder) {
        super(builder);
    }

    /**
     * Anything but a lost race goes back to the sender as it is, unlogged: a domain refusal is no fault, and the one
     * who answers a real failure logs it. Axon's scheduler would log a refusal at WARN with its stack trace when it
     * followed conflicts that had used up the retries.
     */
    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        return !isExplicitlyNonTransient(lastFailure)
                && super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return false;
            }
        }
        return true;
    }
}
