package io.automark.query.campaign;

import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.FlowDefinition;
import io.automark.query.web.PageOf;
import io.automark.query.web.ReadYourWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads the campaign read models; every read is confined to one workspace. */
@Service
public class CampaignQueries {

    private final MongoTemplate mongo;
    private final ReadYourWrites readYourWrites;
    private final FlowJson flows;
    private final GroupScope groups;

    public CampaignQueries(MongoTemplate mongo, ReadYourWrites readYourWrites, FlowJson flows, GroupScope groups) {
        this.mongo = mongo;
        this.readYourWrites = readYourWrites;
        this.flows = flows;
        this.groups = groups;
    }

    public PageOf<CampaignView> list(String workspaceId, CampaignFilter filter, Sort sort, int page, int size) {
        Query query = Query.query(filter.toCriteria(workspaceId, groups));
        long total = mongo.count(query, CampaignView.class);

        query.with(sort)
                .skip((long) page * size)
                .limit(size);
        return new PageOf<>(mongo.find(query, CampaignView.class), total, page, size);
    }

    public StatusCounts statusCounts(String workspaceId, CampaignFilter filter) {
        TypedAggregation<CampaignView> byStatus = Aggregation.newAggregation(CampaignView.class,
                Aggregation.match(filter.anyStatus().toCriteria(workspaceId, groups)),
                Aggregation.group("status").count().as("count"));
        Map<CampaignStatus, Long> counts = new EnumMap<>(CampaignStatus.class);

        mongo.aggregate(byStatus, Document.class).forEach(row -> counts.put(
                CampaignStatus.valueOf(row.getString("_id")), ((Number) row.get("count")).longValue()));
        return StatusCounts.of(counts);
    }

    /**
     * The groups that hold at least one campaign of their own (campaigns of sub-groups do not count).
     *
     * @return group ids, and {@value CampaignFilter#UNGROUPED} when some campaign is in no group
     */
    public Set<String> groupsWithCampaigns(String workspaceId) {
        TypedAggregation<CampaignView> byGroup = Aggregation.newAggregation(CampaignView.class,
                Aggregation.match(Criteria.where("workspaceId").is(workspaceId)),
                Aggregation.group("groupId"));
        Set<String> groupIds = new HashSet<>();

        mongo.aggregate(byGroup, Document.class).forEach(row -> groupIds.add(
                Objects.requireNonNullElse(row.getString("_id"), CampaignFilter.UNGROUPED)));
        return groupIds;
    }

    /**
     * Reads one campaign.
     *
     * @param minVersion when not null, waits until the read model holds at least this version (or the wait times
     *                   out, and the campaign is answered as it stands)
     * @throws CampaignNotFound when the workspace has no such campaign
     */
    public CampaignView campaign(String workspaceId, String campaignId, Long minVersion) {
        return readYourWrites.read(() -> find(workspaceId, campaignId), CampaignView::version, minVersion)
                .orElseThrow(() -> new CampaignNotFound(workspaceId, campaignId));
    }

    /** Reads one campaign with the flow of its newest version; see {@link #campaign}. */
    public CampaignDetails details(String workspaceId, String campaignId, Long minVersion) {
        CampaignView campaign = campaign(workspaceId, campaignId, minVersion);
        CampaignVersionView newest = mongo.findById(
                CampaignVersionView.idOf(campaignId, campaign.currentFlowVersion()), CampaignVersionView.class);

        return new CampaignDetails(campaign, flows.read(newest == null ? null : newest.flowJson()));
    }

    /** Every version of a campaign, oldest first, without their flows. */
    public List<CampaignVersion> versions(String workspaceId, String campaignId) {
        CampaignView campaign = campaign(workspaceId, campaignId, null);
        List<String> ids = IntStream.rangeClosed(1, campaign.currentFlowVersion())
                .mapToObj(version -> CampaignVersionView.idOf(campaignId, version))
                .toList();
        Query query = Query.query(Criteria.where("_id").in(ids))
                .with(Sort.by("version"));

        query.fields().exclude("flowJson");
        return mongo.find(query, CampaignVersionView.class).stream()
                .map(version -> CampaignVersion.of(version, campaign, null))
                .toList();
    }

    /**
     * One version of a campaign with its flow.
     *
     * @throws CampaignVersionNotFound when the campaign has no such version
     */
    public CampaignVersion version(String workspaceId, String campaignId, int version) {
        CampaignView campaign = campaign(workspaceId, campaignId, null);
        CampaignVersionView view =
                mongo.findById(CampaignVersionView.idOf(campaignId, version), CampaignVersionView.class);

        if (view == null) {
            throw new CampaignVersionNotFound(campaignId, version);
        }
        FlowDefinition flow = flows.read(view.flowJson());
        return CampaignVersion.of(view, campaign, flow);
    }

    private Optional<CampaignView> find(String workspaceId, String campaignId) {
        return Optional.ofNullable(mongo.findById(campaignId, CampaignView.class))
                .filter(campaign -> workspaceId.equals(campaign.workspaceId()));
    }
}
