package io.automark.command.infrastructure;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race on its aggregate's event stream: another instance appended first, or
 * this one loaded a stale aggregate from its cache. Axon's own schedulers retry every failure that is not marked
 * non-transient, domain refusals included, which would only delay their answer.
 */
final class ConflictRetryScheduler extends IntervalRetryScheduler {

    ConflictRetryScheduler(IntervalRetryScheduler.Builder builder) {
        super(builder);
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
