package io.automark.query.campaign;

import com.mongodb.client.result.UpdateResult;
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
import io.automark.events.campaign.CampaignRunEnded;
import io.automark.events.campaign.CampaignRunScheduled;
import io.automark.events.campaign.CampaignRunStarted;
import io.automark.events.campaign.CampaignRunStopped;
import io.automark.events.campaign.CampaignStartDeferred;
import io.automark.events.campaign.CampaignStarted;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.CampaignStopped;
import io.automark.events.campaign.CampaignVersionCreated;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.query.infrastructure.QueryProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * Keeps {@link CampaignView}: each event becomes one {@code $set} keyed by the campaign id, so a replay or a
 * redelivery writes the same values again. The group is sequenced by campaign id (see
 * {@link CampaignSequencingPolicy}) so a campaign's own events and its executions' events arrive in order.
 */
@Component
@ProcessingGroup(QueryProcessingGroups.CAMPAIGNS)
public class CampaignProjection {

    private static final Logger log = LoggerFactory.getLogger(CampaignProjection.class);

    private final MongoTemplate mongo;

    public CampaignProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes(mongo.indexOps(CampaignView.class));
    }

    @EventHandler
    public void on(CampaignCreated event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(withContent(event.content()), CampaignStatus.DRAFT))
                .set("workspaceId", event.workspaceId())
                .set("endState", null)
                .set("publishedVersion", null)
                .set("currentFlowVersion", 1)
                .set("templateId", null)
                .set("createdAt", event.createdAt())
                .set("createdBy", actor);

        mongo.upsert(byId(event.campaignId()), changed(update, sequence, event.createdAt(), actor),
                CampaignView.class);
    }

    @EventHandler
    public void on(CampaignDraftSaved event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withContent(event.content())
                .set("currentFlowVersion", event.flowVersion());

        apply(event.campaignId(), changed(update, sequence, event.savedAt(), actor));
    }

    @EventHandler
    public void on(CampaignVersionCreated event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withContent(event.content())
                .set("currentFlowVersion", event.flowVersion());

        apply(event.campaignId(), changed(update, sequence, event.createdAt(), actor));
    }

    @EventHandler
    public void on(CampaignPublished event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(new Update(), event.status()))
                .set("endState", null)
                .set("publishedVersion", event.flowVersion());

        apply(event.campaignId(), changed(update, sequence, event.publishedAt(), actor));
    }

    /** A published campaign reached its start time. */
    @EventHandler
    public void on(CampaignStarted event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(new Update(), CampaignStatus.IN_PROGRESS))
                .set("endState", null)
                .set("publishedVersion", event.flowVersion());

        apply(event.campaignId(), changed(update, sequence, event.startedAt(), actor));
    }

    /**
     * The start time came while the workspace had no IN_PROGRESS place: the campaign stays NOT_STARTED. Only the
     * first refusal is an event, so the campaign shows since when it waits rather than its next attempt.
     */
    @EventHandler
    public void on(CampaignStartDeferred event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("startDeferredAt", event.deferredAt());

        apply(event.campaignId(), counted(update, sequence));
    }

    @EventHandler
    public void on(CampaignRunScheduled event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("nextRunAt", event.runAt());

        apply(event.campaignId(), counted(update, sequence));
    }

    /** The run itself shows as the last execution, from the execution's own events. */
    @EventHandler
    public void on(CampaignRunStarted event, @SequenceNumber long sequence) {
        Update update = new Update()
                .set("nextRunAt", null);

        apply(event.campaignId(), counted(update, sequence));
    }

    /** A periodic run ended; the campaign runs on, and its last execution shows the end. */
    @EventHandler
    public void on(CampaignRunEnded event, @SequenceNumber long sequence) {
        apply(event.campaignId(), counted(new Update(), sequence));
    }

    /** An earlier periodic run stopped with its campaign, which its {@link CampaignStopped} already showed. */
    @EventHandler
    public void on(CampaignRunStopped event, @SequenceNumber long sequence) {
        apply(event.campaignId(), counted(new Update(), sequence));
    }

    @EventHandler
    public void on(CampaignStopped event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(new Update(), CampaignStatus.STOPPED));

        apply(event.campaignId(), changed(update, sequence, event.stoppedAt(), actor));
    }

    /** A restart runs the version it names, which may be an older one; that version counts as published. */
    @EventHandler
    public void on(CampaignRestarted event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(new Update(), CampaignStatus.IN_PROGRESS))
                .set("endState", null)
                .set("publishedVersion", event.flowVersion());

        apply(event.campaignId(), changed(update, sequence, event.restartedAt(), actor));
    }

    @EventHandler
    public void on(CampaignFinished event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = withoutPendingStart(withStatus(new Update(), CampaignStatus.FINISHED))
                .set("endState", event.endState());

        apply(event.campaignId(), changed(update, sequence, event.finishedAt(), actor));
    }

    /** A copy is detached from any template its source was made from. */
    @EventHandler
    public void on(CampaignCopied event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = new Update()
                .set("copiedFrom", new CampaignView.CopiedFrom(event.sourceCampaignId(), event.sourceVersion()))
                .set("templateId", null);

        apply(event.campaignId(), changed(update, sequence, event.copiedAt(), actor));
    }

    @EventHandler
    public void on(CampaignCreatedFromTemplate event, @SequenceNumber long sequence,
                   @MetaDataValue("actor") String actor) {
        Update update = new Update()
                .set("templateId", event.templateId());

        apply(event.campaignId(), changed(update, sequence, event.createdAt(), actor));
    }

    @EventHandler
    public void on(CampaignMoved event, @SequenceNumber long sequence, @MetaDataValue("actor") String actor) {
        Update update = new Update()
                .set("groupId", event.toGroupId());

        apply(event.campaignId(), changed(update, sequence, event.movedAt(), actor));
    }

    /** A deleted campaign leaves every list; its history stays readable from the event store. */
    @EventHandler
    public void on(CampaignDeleted event) {
        mongo.remove(byId(event.campaignId()), CampaignView.class);
    }

    /** A run began; it becomes the campaign's last execution. The campaign's own version does not move. */
    @EventHandler
    public void on(ExecutionStarted event) {
        LastExecution last = new LastExecution(
                event.executionId(), ExecutionStatus.IN_PROGRESS, event.flowVersion(), event.startedAt(), null);

        apply(event.campaignId(), new Update().set("lastExecution", last));
    }

    /** A run ended; it changes the campaign only while that run is still its last one. */
    @EventHandler
    public void on(ExecutionFinished event) {
        Query lastRun = byId(event.campaignId())
                .addCriteria(Criteria.where("lastExecution.id").is(event.executionId()));
        Update update = new Update()
                .set("lastExecution.status", event.status())
                .set("lastExecution.endedAt", event.finishedAt());

        mongo.updateFirst(lastRun, update, CampaignView.class);
    }

    private static Update withContent(CampaignContent content) {
        return new Update()
                .set("name", content.name())
                .set("sortName", content.name().toLowerCase(Locale.ROOT))
                .set("description", content.description())
                .set("groupId", content.groupId())
                .set("subCampaigns", content.subCampaigns())
                .set("schedule", content.schedule());
    }

    private static Update withStatus(Update update, CampaignStatus status) {
        return update
                .set("status", status)
                .set("statusOrder", CampaignSort.orderOf(status));
    }

    /** A status change ends any wait for a start place and any run scheduled before it. */
    private static Update withoutPendingStart(Update update) {
        return update
                .set("startDeferredAt", null)
                .set("nextRunAt", null);
    }

    /** An event that changes what a user edits or sees of the lifecycle: the campaign counts as updated. */
    private static Update changed(Update update, long sequence, Instant at, String actor) {
        return update
                .set("version", sequence + 1)
                .set("updatedAt", at)
                .set("updatedBy", actor);
    }

    /**
     * Scheduling bookkeeping: the campaign's version moves, as every event of the campaign moves it, but it does not
     * count as updated by anyone.
     */
    private static Update counted(Update update, long sequence) {
        return update.set("version", sequence + 1);
    }

    private void apply(String campaignId, Update update) {
        UpdateResult result = mongo.updateFirst(byId(campaignId), update, CampaignView.class);

        if (result.getMatchedCount() == 0) {
            log.warn("Campaign [{}] is not in the read model yet; an event for it was skipped", campaignId);
        }
    }

    private static Query byId(String campaignId) {
        return Query.query(Criteria.where("_id").is(campaignId));
    }

    private static void createIndexes(IndexOperations indexes) {
        indexes.createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.DESC)
                .named("workspace_status_updated"));
        indexes.createIndex(new Index()
                .on("workspaceId", Sort.Direction.ASC)
                .on("groupId", Sort.Direction.ASC)
                .named("workspace_group"));
    }
}
