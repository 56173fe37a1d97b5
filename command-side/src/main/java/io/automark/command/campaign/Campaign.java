package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotPublishable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStartable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStoppable;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.NotFoundException;
import io.automark.command.common.VersionConflictException;
import io.automark.command.execution.Execution;
import io.automark.command.flow.FlowValidator;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignRestarted;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.events.campaign.EndState;
import io.automark.events.campaign.Schedule;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static io.automark.events.campaign.CampaignStatus.DRAFT;
import static io.automark.events.campaign.CampaignStatus.IN_PROGRESS;
import static io.automark.events.campaign.CampaignStatus.NOT_STARTED;
import static io.automark.events.campaign.CampaignStatus.STOPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A campaign and its lifecycle rules. Every command handler answers the campaign's new version, which is the
 * number of events in its stream.
 */
@Aggregate(cache = "campaignCache")
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String workspaceId;
    private CampaignStatus status;
    private CampaignContent content;
    private int flowVersion;
    private int publishedVersion;
    private String runningExecutionId;
    private int runs;
    private long version;

    protected Campaign() {
        // Axon rebuilds the campaign from its events through this constructor.
    }

    @CommandHandler
    public Campaign(CreateCampaign command) {
        FlowValidator.check(command.content().flow());

        apply(new CampaignCreated(command.campaignId(), command.workspaceId(), command.content(), command.now()));
    }

    @CommandHandler
    public long handle(SaveCampaign command) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());

        save(command.content(), command.now());
        return version;
    }

    @CommandHandler
    public long handle(PublishCampaign command) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());
        if (command.content() != null) {
            save(command.content(), command.now());
        }
        checkPublishable(command.now());

        if (startsLater(command.now())) {
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, NOT_STARTED, null, command.now()));
        } else {
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, IN_PROGRESS, command.executionId(),
                    command.now()));
            startExecution(command.executionId(), command.now());
        }
        return version;
    }

    @CommandHandler
    public long handle(StopCampaign command) {
        checkWorkspace(command.workspaceId());
        if (status != IN_PROGRESS && status != NOT_STARTED) {
            throw new CampaignNotStoppable(campaignId, status);
        }

        apply(new CampaignStopped(campaignId, workspaceId, runningExecutionId, command.now()));
        return version;
    }

    @CommandHandler
    public long handle(StartCampaign command) {
        checkWorkspace(command.workspaceId());
        checkStartable(command.now());

        apply(new CampaignRestarted(campaignId, workspaceId, publishedVersion, command.executionId(),
                command.now()));
        startExecution(command.executionId(), command.now());
        return version;
    }

    /** Finishes a one-time campaign when its running execution ends; other endings leave the campaign as it is. */
    @CommandHandler
    public boolean handle(CompleteCampaignRun command) {
        boolean ownRun = command.executionId().equals(runningExecutionId);
        if (!ownRun || status != IN_PROGRESS || content.schedule().recurrence() != null) {
            return false;
        }

        EndState endState = command.status() == ExecutionStatus.COMPLETED ? EndState.NORMAL : EndState.ABNORMAL;
        apply(new CampaignFinished(campaignId, workspaceId, endState, command.now()));
        return true;
    }

    private void save(CampaignContent edit, Instant now) {
        FlowValidator.check(edit.flow());

        if (status == DRAFT || status == NOT_STARTED) {
            apply(new CampaignDraftSaved(campaignId, workspaceId, flowVersion, edit, now));
        } else {
            apply(new CampaignVersionCreated(campaignId, workspaceId, flowVersion + 1, flowVersion, edit, now));
        }
    }

    private void checkPublishable(Instant now) {
        boolean newVersion = flowVersion > publishedVersion;
        if (status != DRAFT && !newVersion) {
            throw new CampaignNotPublishable(campaignId, "version " + flowVersion + " is already published");
        }
        Schedule schedule = content.schedule();
        if (schedule.endAt() != null && !schedule.endAt().isAfter(now)) {
            throw new InvalidInputException("schedule.endAt", "the end time has already passed");
        }
        if (schedule.startAt() != null && schedule.endAt() != null && !schedule.startAt().isBefore(schedule.endAt())) {
            throw new InvalidInputException("schedule.startAt", "the start time must come before the end time");
        }
    }

    private void checkStartable(Instant now) {
        if (status != STOPPED) {
            throw new CampaignNotStartable(campaignId, "it is " + status + "; only STOPPED campaigns start");
        }
        Schedule schedule = content.schedule();
        if (startsLater(now) || (schedule.endAt() != null && !now.isBefore(schedule.endAt()))) {
            throw new CampaignNotStartable(campaignId, "now is outside its start/end window");
        }
        if (schedule.maxRuns() != null && runs >= schedule.maxRuns()) {
            throw new CampaignNotStartable(campaignId, "its " + schedule.maxRuns() + " runs are used up");
        }
    }

    private boolean startsLater(Instant now) {
        Instant startAt = content.schedule().startAt();
        return startAt != null && startAt.isAfter(now);
    }

    private void startExecution(String executionId, Instant now) {
        try {
            createNew(Execution.class, () -> new Execution(executionId, campaignId, workspaceId, flowVersion,
                    content.flow(), now));
        } catch (Exception e) {
            throw new IllegalStateException("execution " + executionId + " could not be created", e);
        }
    }

    private void checkWorkspaceAndVersion(String workspace, Long expectedVersion) {
        checkWorkspace(workspace);
        if (expectedVersion != null && expectedVersion != version) {
            throw new VersionConflictException(expectedVersion, version);
        }
    }

    private void checkWorkspace(String workspace) {
        // A campaign of another workspace is reported as absent, so that ids do not leak across workspaces.
        if (!workspaceId.equals(workspace)) {
            throw new NotFoundException("campaign", campaignId);
        }
    }

    @EventSourcingHandler
    void on(CampaignCreated event) {
        campaignId = event.campaignId();
        workspaceId = event.workspaceId();
        content = event.content();
        status = DRAFT;
        flowVersion = 1;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignDraftSaved event) {
        content = event.content();
        version++;
    }

    @EventSourcingHandler
    void on(CampaignVersionCreated event) {
        content = event.content();
        flowVersion = event.flowVersion();
        version++;
    }

    @EventSourcingHandler
    void on(CampaignPublished event) {
        status = event.status();
        publishedVersion = event.flowVersion();
        startedRun(event.executionId());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignStopped event) {
        status = STOPPED;
        runningExecutionId = null;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignRestarted event) {
        status = IN_PROGRESS;
        startedRun(event.executionId());
        version++;
    }

    private void startedRun(String executionId) {
        if (executionId != null) {
            runningExecutionId = executionId;
            runs++;
        }
    }

    @EventSourcingHandler
    void on(CampaignFinished event) {
        status = CampaignStatus.FINISHED;
        runningExecutionId = null;
        version++;
    }
}
