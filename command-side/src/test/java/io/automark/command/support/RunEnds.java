package io.automark.command.support;

import io.automark.events.execution.ExecutionFinished;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** Waits in tests for a run to end, by reading the event store for its {@link ExecutionFinished}. */
public final class RunEnds {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RunEnds() {
    }

    /** The first run of the campaign that ended, once it did; fails the test after a minute. */
    public static ExecutionFinished ofCampaign(EventStore events, String campaignId) throws InterruptedException {
        return await(events, finished -> finished.campaignId().equals(campaignId), "campaign " + campaignId);
    }

    /** The end of the execution, once it came; fails the test after a minute. */
    public static ExecutionFinished ofExecution(EventStore events, String executionId) throws InterruptedException {
        return await(events, finished -> finished.executionId().equals(executionId), "execution " + executionId);
    }

    private static ExecutionFinished await(EventStore events, Predicate<ExecutionFinished> wanted, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<ExecutionFinished> finished = events.openStream(null).asStream()
                    .map(EventMessage::getPayload)
                    .filter(ExecutionFinished.class::isInstance)
                    .map(ExecutionFinished.class::cast)
                    .filter(wanted)
                    .findFirst();
            if (finished.isPresent()) {
                return finished.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run of " + what + " did not end within " + PATIENCE.toSeconds() + " s");
    }
}
