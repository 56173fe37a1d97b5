package io.automark.query.group;

import io.automark.query.campaign.CampaignFilter;
import io.automark.query.campaign.GroupScope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads a workspace's group tree; it also tells the campaign list which groups a group filter covers. */
@Service
public class GroupQueries implements GroupScope {

    /** The built-in group of the campaigns filed nowhere; it is not part of the ordered tree. */
    static final String UNGROUPED_NAME = "Ungrouped";

    /** Ungrouped's position: it comes before every top-level group, whose positions start at 0. */
    static final int UNGROUPED_POSITION = -1;

    private final MongoTemplate mongo;

    public GroupQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The tree, Ungrouped first, siblings by position.
     *
     * @param q                   part of a name, ignoring case; null or blank for the whole tree. With it, the
     *                            groups whose names match are answered with their ancestors, and positions stay
     *                            those of the whole tree
     * @param groupsWithCampaigns the groups that hold campaigns, {@value CampaignFilter#UNGROUPED} included
     */
    public List<GroupNode> tree(String workspaceId, String q, Set<String> groupsWithCampaigns) {
        GroupForest forest = forestOf(workspaceId);
        boolean searching = q != null && !q.isBlank();
        Set<String> kept = searching ? forest.matchesWithAncestors(q) : null;
        List<GroupNode> nodes = new ArrayList<>();

        if (!searching || SearchName.matches(UNGROUPED_NAME, q)) {
            nodes.add(new GroupNode(CampaignFilter.UNGROUPED, UNGROUPED_NAME, null, UNGROUPED_POSITION,
                    groupsWithCampaigns.contains(CampaignFilter.UNGROUPED), List.of()));
        }
        nodes.addAll(nodesUnder(null, forest, kept, groupsWithCampaigns));
        return nodes;
    }

    @Override
    public Set<String> groupAndSubGroups(String workspaceId, String groupId) {
        return forestOf(workspaceId).withDescendants(groupId);
    }

    private GroupForest forestOf(String workspaceId) {
        Query inWorkspace = Query.query(Criteria.where("workspaceId").is(workspaceId));
        GroupTreeView tree = mongo.findById(workspaceId, GroupTreeView.class);

        return new GroupForest(mongo.find(inWorkspace, GroupView.class), tree == null ? List.of() : tree.topLevel());
    }

    /** @param kept the groups to show; null shows all */
    private static List<GroupNode> nodesUnder(String parentId, GroupForest forest, Set<String> kept,
                                              Set<String> groupsWithCampaigns) {
        List<GroupView> siblings = forest.childrenOf(parentId);

        return IntStream.range(0, siblings.size())
                .filter(position -> kept == null || kept.contains(siblings.get(position).id()))
                .mapToObj(position -> node(siblings.get(position), position, forest, kept, groupsWithCampaigns))
                .toList();
    }

    private static GroupNode node(GroupView group, int position, GroupForest forest, Set<String> kept,
                                  Set<String> groupsWithCampaigns) {
        return new GroupNode(group.id(), group.name(), group.parentId(), position,
                groupsWithCampaigns.contains(group.id()), nodesUnder(group.id(), forest, kept, groupsWithCampaigns));
    }
}
