package io.automark.command.execution;

import io.automark.command.audience.Audience.RegisterAudience;
import io.automark.command.audience.AudienceStore;
import io.automark.command.component.GenerateAudienceExecutor;
import io.automark.command.waiting.ResumeBatchNumbers;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Registers the audiences a run's GENERATE_AUDIENCE components wrote, once the run has gone through every batch. */
class GeneratedAudiences {

    private static final Logger log = LoggerFactory.getLogger(GeneratedAudiences.class);

    private final AudienceStore audiences;
    private final CommandGateway commands;
    private final Clock clock;

    GeneratedAudiences(AudienceStore audiences, CommandGateway commands, Clock clock) {
        this.audiences = audiences;
        this.commands = commands;
        this.clock = clock;
    }

    void register(ExecutionJob job, long batches) {
        for (FlowComponent component : job.flow().components()) {
            if (component.type() == ComponentType.GENERATE_AUDIENCE) {
                register(job, component, batches);
            }
        }
    }

    private void register(ExecutionJob job, FlowComponent component, long batches) {
        String audienceId = GenerateAudienceExecutor.audienceIdOf(job.executionId(), component.id());
        audiences.fillGaps(audienceId, batches);
        long chunks = appendResumed(audienceId, batches);
        long size = audiences.countUsers(audienceId, chunks);
        String name = (String) component.config().get("name");
        audiences.registerGenerated(audienceId, job.workspaceId(), name, size, chunks, clock.instant());

        try {
            commands.sendAndWait(new RegisterAudience(audienceId, job.workspaceId(), name, size,
                    "GENERATED:" + job.executionId() + "/" + component.id(), clock.instant()));
            log.info("Execution [{}] generated audience [{}] '{}' of {} users", job.executionId(), audienceId, name,
                    size);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Registered by an earlier attempt of this run that was cut off after registering.
        }
    }

    /**
     * Users who reached the component after a wait were written under resume batch numbers; copies those chunks
     * after the audience's own, in their order, so that copying again after a crash writes the same chunks.
     */
    private long appendResumed(String audienceId, long batches) {
        long next = batches;
        for (long resumed : audiences.chunkNumbersFrom(audienceId, ResumeBatchNumbers.FIRST)) {
            audiences.copyChunk(audienceId, resumed, next++);
        }
        return next;
    }
}
