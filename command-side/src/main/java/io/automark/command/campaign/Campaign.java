package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CompleteCampaignRun;
import io.automark.command.campaign.CampaignCommands.CopyCampaign;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.DeleteCampaign;
import io.automark.command.campaign.CampaignCommands.MoveCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaignVersion;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotDeletable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotPublishable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStartable;
import io.automark.command.campaign.CampaignRuleViolations.CampaignNotStoppable;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.NotFoundException;
import io.automark.command.common.VersionConflictException;
import io.automark.command.execution.Execution;
import io.automark.command.flow.FlowValidator;
import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.CampaignCopied;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignCreatedFromTemplate;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignDraftSaved;
import io.automark.events.campaign.CampaignFinished;
import io.automark.events.campaign.CampaignMoved;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static io.automark.events.campaign.CampaignStatus.DRAFT;
import static io.automark.events.campaign.CampaignStatus.FINISHED;
import static io.automark.events.campaign.CampaignStatus.IN_PROGRESS;
import static io.automark.events.campaign.CampaignStatus.NOT_STARTED;
import static io.automark.events.campaign.CampaignStatus.STOPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A campaign and its lifecycle rules. Every command handler answers the campaign's new version, which is the
 * number of events in its stream. Versions of the flow are numbered from 1; each stays readable.
 */
@Aggregate(cache = "campaignCache")
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String workspaceId;
    private CampaignStatus status;
    private CampaignContent content;
    private final Map<Integer, CampaignContent> versions = new HashMap<>();
    private int flowVersion;
    private int publishedVersion;
    private String runningExecutionId;
    private int runs;
    private boolean deleted;
    private long version;

    protected Campaign() {
        // Axon rebuilds the campaign from its events through this constructor.
    }

    @CommandHandler
    public Campaign(CreateCampaign command) {
        FlowValidator.check(command.content().flow());

        apply(new CampaignCreated(command.campaignId(), command.workspaceId(), command.content(), command.now()));
    }

    /** A copy, spawned by the campaign it copies. */
    Campaign(String copyId, String workspaceId, CampaignContent content, String sourceId, int sourceVersion,
             Instant now) {
        apply(new CampaignCreated(copyId, workspaceId, content, now));
        apply(new CampaignCopied(copyId, workspaceId, sourceId, sourceVersion, now));
    }

    /** A campaign created from a template, spawned by the template. */
    Campaign(String campaignId, String workspaceId, CampaignContent content, String templateId, Instant now) {
        apply(new CampaignCreated(campaignId, workspaceId, content, now));
        apply(new CampaignCreatedFromTemplate(campaignId, workspaceId, templateId, now));
    }

    @CommandHandler
    public long handle(SaveCampaign command) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());

        save(command.content(), command.now());
        return version;
    }

    @CommandHandler
    public long handle(PublishCampaign command, InProgressSlots slots) {
        checkWorkspaceAndVersion(command.workspaceId(), command.expectedVersion());
        if (command.content() != null) {
            save(command.content(), command.now());
        }
        checkPublishable(command.now());

        if (startsLater(command.now())) {
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, NOT_STARTED, null, command.now()));
        } else {
            takePlace(slots, command.now());
            apply(new CampaignPublished(campaignId, workspaceId, flowVersion, IN_PROGRESS, command.executionId(),
                    command.now()));
            startExecution(command.executionId(), flowVersion, command.now());
        }
        return version;
    }

    @CommandHandler
    public long handle(StopCampaign command, InProgressSlots slots) {
        checkWorkspace(command.workspaceId());
        if (status != IN_PROGRESS && status != NOT_STARTED) {
            throw new CampaignNotStoppable(campaignId, status);
        }

        apply(new CampaignStopped(campaignId, workspaceId, runningExecutionId, command.now()));
        freePlace(slots);
        return version;
    }

    @CommandHandler
    public long handle(StopCampaignVersion command, InProgressSlots slots) {
        checkWorkspace(command.workspaceId());
        checkVersionExists(command.version());
        if (command.version() != publishedVersion) {
            throw new CampaignNotStoppable(campaignId, status);
        }
        return handle(new StopCampaign(campaignId, workspaceId, command.now()), slots);
    }

    @CommandHandler
    public long handle(StartCampaign command, InProgressSlots slots) {
        checkWorkspace(command.workspaceId());
        int runVersion = command.version() == null ? publishedVersion : command.version();
        checkVersionExists(runVersion);
        checkStartable(command.now());

        takePlace(slots, command.now());
        apply(new CampaignRestarted(campaignId, workspaceId, runVersion, command.executionId(), command.now()));
        startExecution(command.executionId(), runVersion, command.now());
        return version;
    }

    /** Finishes a one-time campaign when its running execution ends; other endings leave the campaign as it is. */
    @CommandHandler
    public boolean handle(CompleteCampaignRun command, InProgressSlots slots) {
        boolean ownRun = command.executionId().equals(runningExecutionId);
        if (!ownRun || status != IN_PROGRESS || content.schedule().recurrence() != null) {
            return false;
        }

        EndState endState = command.status() == ExecutionStatus.COMPLETED ? EndState.NORMAL : EndState.ABNORMAL;
        apply(new CampaignFinished(campaignId, workspaceId, endState, command.now()));
        freePlace(slots);
        return true;
    }

    @CommandHandler
    public String handle(CopyCampaign command) {
        checkWorkspace(command.workspaceId());
        int sourceVersion = command.version() == null ? flowVersion : command.version();
        checkVersionExists(sourceVersion);

        CampaignContent source = versions.get(sourceVersion);
        CampaignContent copy = new CampaignContent(source.name() + "-Copy", source.description(), source.groupId(),
                source.subCampaigns(), source.flow(), source.schedule());
        try {
            createNew(Campaign.class, () -> new Campaign(command.copyId(), workspaceId, copy, campaignId,
                    sourceVersion, command.now()));
        } catch (Exception e) {
            throw new IllegalStateException("the copy of campaign " + campaignId + " could not be created", e);
        }
        return command.copyId();
    }

    @CommandHandler
    public long handle(MoveCampaign command) {
        checkWorkspace(command.workspaceId());
        if (Objects.equals(content.groupId(), command.groupId())) {
            return version;
        }

        apply(new CampaignMoved(campaignId, workspaceId, content.groupId(), command.groupId(), command.now()));
        return version;
    }

    @CommandHandler
    public long handle(DeleteCampaign command) {
        checkWorkspace(command.workspaceId());
        if (status != DRAFT && status != STOPPED && status != FINISHED) {
            throw new CampaignNotDeletable(campaignId, status);
        }

        apply(new CampaignDeleted(campaignId, workspaceId, command.now()));
        return version;
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

    private void checkVersionExists(int number) {
        if (!versions.containsKey(number)) {
            throw new NotFoundException("version " + number + " of campaign", campaignId);
        }
    }

    private boolean startsLater(Instant now) {
        Instant startAt = content.schedule().startAt();
        return startAt != null && startAt.isAfter(now);
    }

    /** Takes an IN_PROGRESS place; gives it back if the command does not go through after all. */
    private void takePlace(InProgressSlots slots, Instant now) {
        long startSequence = version;
        if (slots.claim(workspaceId, campaignId, startSequence, now)) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> slots.release(workspaceId,
                    campaignId, startSequence)));
        }
    }

    /** Frees the place once the stop or finish is stored; a crash in between is healed by PlaceKeeper. */
    private void freePlace(InProgressSlots slots) {
        long endSequence = version - 1;
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> slots.release(workspaceId,
                campaignId, endSequence)));
    }

    private void startExecution(String executionId, int runVersion, Instant now) {
        try {
            createNew(Execution.class, () -> new Execution(executionId, campaignId, workspaceId, runVersion,
                    versions.get(runVersion).flow(), now));
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
        // A campaign of another workspace, or a deleted one, is reported as absent, so ids do not leak.
        if (deleted || !workspaceId.equals(workspace)) {
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
        versions.put(1, content);
        version++;
    }

    @EventSourcingHandler
    void on(CampaignCopied event) {
        version++;
    }

    @EventSourcingHandler
    void on(CampaignCreatedFromTemplate event) {
        version++;
    }

    @EventSourcingHandler
    void on(CampaignDraftSaved event) {
        content = event.content();
        versions.put(flowVersion, content);
        version++;
    }

    @EventSourcingHandler
    void on(CampaignVersionCreated event) {
        content = event.content();
        flowVersion = event.flowVersion();
        versions.put(flowVersion, content);
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
        publishedVersion = event.flowVersion();
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
        status = FINISHED;
        runningExecutionId = null;
        version++;
    }

    @EventSourcingHandler
    void on(CampaignMoved event) {
        content = new CampaignContent(content.name(), content.description(), event.toGroupId(),
                content.subCampaigns(), content.flow(), content.schedule());
        version++;
    }

    @EventSourcingHandler
    void on(CampaignDeleted event) {
        deleted = true;
        version++;
    }
}
