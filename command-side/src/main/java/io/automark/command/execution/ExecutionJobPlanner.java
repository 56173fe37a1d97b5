package io.automark.command.execution;

import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Turns started executions into jobs for the workers, and ends the job when its execution ends. */
@Component
@ProcessingGroup("command-execution-jobs")
class ExecutionJobPlanner {

    private static final Logger log = LoggerFactory.getLogger(ExecutionJobPlanner.class);

    private final ExecutionJobStore jobs;
    private final ExecutionStops stops;
    private final Clock clock;

    ExecutionJobPlanner(ExecutionJobStore jobs, ExecutionStops stops, Clock clock) {
        this.jobs = jobs;
        this.stops = stops;
        this.clock = clock;
    }

    @EventHandler
    void on(ExecutionStarted event) {
        FlowComponent entry = event.flow().components().stream()
                .filter(component -> component.type().isEntry())
                .findFirst()
                .orElseThrow();
        if (entry.type() != ComponentType.TARGET_AUDIENCE) {
            // Behaviour-event entries let users in as their events arrive; there is no audience to walk.
            return;
        }

        String audienceId = (String) entry.config().get("audienceId");
        jobs.plan(event.executionId(), event.campaignId(), event.workspaceId(), event.flow(), audienceId,
                clock.instant());
        log.info("Planned execution [{}] of campaign [{}] over audience [{}]", event.executionId(),
                event.campaignId(), audienceId);
    }

    @EventHandler
    void on(ExecutionFinished event) {
        if (event.status() == ExecutionStatus.STOPPED) {
            // The stop marked it before answering; this covers a stop whose mark failed after its event was stored.
            stops.mark(List.of(event.executionId()), event.reason(), event.finishedAt());
        }
        jobs.end(event.executionId());
    }
}
