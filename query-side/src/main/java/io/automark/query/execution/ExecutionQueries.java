package io.automark.query.execution;

import io.automark.events.execution.ExecutionStatus;
import io.automark.query.campaign.CampaignQueries;
import io.automark.query.web.ReadYourWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Reads executions and their figures; every read is confined to one workspace. */
@Service
public class ExecutionQueries {

    private final MongoTemplate mongo;
    private final ReadYourWrites readYourWrites;
    private final CampaignQueries campaigns;

    public ExecutionQueries(MongoTemplate mongo, ReadYourWrites readYourWrites, CampaignQueries campaigns) {
        this.mongo = mongo;
        this.readYourWrites = readYourWrites;
        this.campaigns = campaigns;
    }

    /**
     * Reads one execution.
     *
     * @param minVersion when not null, waits until the execution's aggregate version reaches it (or the wait
     *                   times out)
     * @throws ExecutionNotFound when the workspace has no such execution
     */
    public ExecutionView execution(String workspaceId, String executionId, Long minVersion) {
        return readYourWrites.read(() -> find(workspaceId, executionId), ExecutionView::aggregateVersion, minVersion)
                .orElseThrow(() -> new ExecutionNotFound(workspaceId, executionId));
    }

    public ExecutionDetails details(String workspaceId, String executionId, Long minVersion) {
        return ExecutionDetails.of(execution(workspaceId, executionId, minVersion));
    }

    /**
     * The executions of a campaign, newest first.
     *
     * @param status null for every status
     * @throws io.automark.query.campaign.CampaignNotFound when the workspace has no such campaign
     */
    public List<ExecutionDetails> ofCampaign(String workspaceId, String campaignId, ExecutionStatus status,
                                             int limit) {
        campaigns.campaign(workspaceId, campaignId, null);
        Criteria criteria = Criteria.where("workspaceId").is(workspaceId)
                .and("campaignId").is(campaignId)
                .and("startedAt").exists(true);

        if (status != null) {
            criteria.and("status").is(status);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "startedAt", "id"))
                .limit(limit);
        query.fields().exclude("appliedBatches");
        return mongo.find(query, ExecutionView.class).stream()
                .map(ExecutionDetails::of)
                .toList();
    }

    /** A re-execution whose {@code ExecutionStarted} is not handled yet has no {@code startedAt}: not found yet. */
    private Optional<ExecutionView> find(String workspaceId, String executionId) {
        Query query = Query.query(Criteria.where("_id").is(executionId)
                .and("startedAt").exists(true));

        query.fields().exclude("appliedBatches");
        return Optional.ofNullable(mongo.findOne(query, ExecutionView.class))
                .filter(execution -> workspaceId.equals(execution.workspaceId()));
    }
}
