package io.automark.query.group;

import io.automark.events.campaign.CampaignCopied;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignDeleted;
import io.automark.events.campaign.CampaignMoved;
import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupDeleted;
import io.automark.events.group.GroupMoved;
import io.automark.events.group.GroupRenamed;
import io.automark.query.campaign.CampaignProjection;
import io.automark.query.campaign.CampaignQueries;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

@QuerySideTest
class GroupProjectionTest {

    @Autowired
    GroupProjection groups;

    @Autowired
    GroupQueries queries;

    @Autowired
    CampaignProjection campaigns;

    @Autowired
    CampaignQueries campaignQueries;

    @Autowired
    MongoTemplate mongo;

    final String ws = newWorkspace();

    /** The tree's sequence: every group event of a workspace comes from its one group tree, in order. */
    long sequence;

    @Test
    void insertsSiblingsAndChildrenAtTheirPositions() {
        // given
        add("a", "Alpha", null, 0);
        add("b", "Beta", null, 0);

        // when
        add("c", "Gamma", null, 1);
        add("a1", "Alpha one", "a", 0);
        add("a0", "Alpha zero", "a", 0);

        // then
        assertThat(outline()).containsExactly(
                "ungrouped@-1", "b@0", "c@1", "a@2", "  a0@0 in a", "  a1@1 in a");
    }

    @Test
    void reordersSiblingsWithinTheirParent() {
        // given
        add("a", "A", null, 0);
        add("b", "B", null, 1);
        add("c", "C", null, 2);

        // when
        move("a", null, 2);
        move("c", null, 0);

        // then
        assertThat(outline()).containsExactly("ungrouped@-1", "c@0", "b@1", "a@2");
    }

    @Test
    void movesAGroupWithItsSubGroupsUnderAnotherParent() {
        // given
        add("a", "A", null, 0);
        add("b", "B", null, 1);
        add("a1", "A1", "a", 0);
        add("a2", "A2", "a", 1);
        add("a1x", "A1x", "a1", 0);
        add("b1", "B1", "b", 0);

        // when
        move("a1", "b", 0);

        // then
        assertThat(outline()).containsExactly("ungrouped@-1", "a@0", "  a2@0 in a", "b@1", "  a1@0 in b",
                "    a1x@0 in a1", "  b1@1 in b");
        assertThat(queries.groupAndSubGroups(ws, "b")).containsExactlyInAnyOrder("b", "a1", "a1x", "b1");
        assertThat(queries.groupAndSubGroups(ws, "a")).containsExactlyInAnyOrder("a", "a2");
    }

    @Test
    void movesAGroupUpToTheTopLevel() {
        // given
        add("a", "A", null, 0);
        add("a1", "A1", "a", 0);
        add("a2", "A2", "a", 1);

        // when
        move("a1", null, 0);

        // then
        assertThat(outline()).containsExactly("ungrouped@-1", "a1@0", "a@1", "  a2@0 in a");
    }

    @Test
    void renamesAGroup() {
        // given
        add("a", "Old name", null, 0);

        // when
        groups.on(new GroupRenamed(ws, "a", "New name", T0), sequence++);

        // then
        assertThat(tree()).extracting(GroupNode::name).containsExactly("Ungrouped", "New name");
    }

    @Test
    void deletesAGroupAndClosesTheGapAmongItsSiblings() {
        // given
        add("a", "A", null, 0);
        add("b", "B", null, 1);
        add("c", "C", null, 2);
        add("b1", "B1", "b", 0);
        add("b2", "B2", "b", 1);

        // when
        groups.on(new GroupDeleted(ws, "b1", T0), sequence++);
        groups.on(new GroupDeleted(ws, "a", T0), sequence++);

        // then
        assertThat(outline()).containsExactly("ungrouped@-1", "b@0", "  b2@0 in b", "c@1");
    }

    @Test
    void searchesNamesIgnoringCaseAndKeepsTheAncestorsOfEveryMatch() {
        // given
        add("sales", "Sales", null, 0);
        add("spring", "Spring promotions", "sales", 0);
        add("mail", "Mailings", "spring", 0);
        add("winter", "Winter", "sales", 1);
        add("news", "Newsletters", null, 1);

        // when
        List<GroupNode> found = queries.tree(ws, " MAIL ", campaignQueries.groupsWithCampaigns(ws));
        List<GroupNode> ungrouped = queries.tree(ws, "group", campaignQueries.groupsWithCampaigns(ws));
        List<GroupNode> nothing = queries.tree(ws, "autumn", campaignQueries.groupsWithCampaigns(ws));

        // then
        assertThat(lines(found, "")).containsExactly("sales@0", "  spring@0 in sales", "    mail@0 in spring");
        assertThat(ungrouped).extracting(GroupNode::id).containsExactly("ungrouped");
        assertThat(nothing).isEmpty();
    }

    @Test
    void tellsWhichGroupsHoldCampaignsOfTheirOwn() {
        // given
        add("a", "A", null, 0);
        add("a1", "A1", "a", 0);
        add("b", "B", null, 1);
        add("c", "C", null, 2);
        campaigns.on(new CampaignCreated(ws + "-1", ws, content("One", "a1", List.of()), T0), 0, "alice");
        campaigns.on(new CampaignCreated(ws + "-2", ws, content("Two", "b", List.of()), T0), 0, "alice");
        campaigns.on(new CampaignCreated(ws + "-3", ws, content("Copy", "c", List.of()), T0), 0, "alice");
        campaigns.on(new CampaignCopied(ws + "-3", ws, ws + "-2", 1, T0), 1, "alice");

        // when
        campaigns.on(new CampaignMoved(ws + "-2", ws, "b", null, T0), 1, "alice");

        // then
        assertThat(hasCampaigns()).containsExactly("ungrouped:true", "a:false", "a1:true", "b:false", "c:true");

        // when
        campaigns.on(new CampaignMoved(ws + "-2", ws, null, "b", T0), 2, "alice");
        campaigns.on(new CampaignDeleted(ws + "-3", ws, T0));

        // then
        assertThat(hasCampaigns()).containsExactly("ungrouped:false", "a:false", "a1:true", "b:true", "c:false");
    }

    @Test
    void skipsEventsDeliveredAgainAfterNewerOnes() {
        // given
        add("a", "A", null, 0);
        add("b", "B", null, 1);
        add("c", "C", null, 2);
        GroupMoved first = new GroupMoved(ws, "a", null, 1, T0);
        GroupMoved second = new GroupMoved(ws, "c", null, 0, T0);
        groups.on(first, 3);
        groups.on(second, 4);
        List<String> before = outline();

        // when
        groups.on(new GroupAdded(ws, "a", "A", null, 0, T0), 0);
        groups.on(first, 3);
        groups.on(second, 4);

        // then
        assertThat(before).containsExactly("ungrouped@-1", "c@0", "b@1", "a@2");
        assertThat(outline()).isEqualTo(before);
    }

    @Test
    void leavesTheSameTreeWhenAnEventIsAppliedTwiceInARow() {
        // given
        add("a", "A", null, 0);
        add("b", "B", null, 1);
        add("b1", "B1", "b", 0);
        GroupMoved moved = new GroupMoved(ws, "b1", "a", 0, T0);
        groups.on(moved, 3);
        List<String> once = outline();

        // when: as after a failure between the handler's writes and its record of the sequence
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ws)), new Update().set("version", 3),
                GroupTreeView.class);
        groups.on(moved, 3);

        // then
        assertThat(once).containsExactly("ungrouped@-1", "a@0", "  b1@0 in a", "b@1");
        assertThat(outline()).isEqualTo(once);
        assertThat(mongo.findById(ws, GroupTreeView.class).version()).isEqualTo(4);
    }

    private void add(String id, String name, String parentId, int position) {
        groups.on(new GroupAdded(ws, id, name, parentId, position, T0), sequence++);
    }

    private void move(String id, String parentId, int position) {
        groups.on(new GroupMoved(ws, id, parentId, position, T0), sequence++);
    }

    private List<GroupNode> tree() {
        return queries.tree(ws, null, campaignQueries.groupsWithCampaigns(ws));
    }

    /** The tree as indented lines of {@code id@position in parent}. */
    private List<String> outline() {
        return lines(tree(), "");
    }

    private static List<String> lines(List<GroupNode> nodes, String indent) {
        List<String> lines = new ArrayList<>();

        nodes.forEach(node -> {
            lines.add(indent + node.id() + "@" + node.position() + (node.parentId() == null ? "" : " in "
                    + node.parentId()));
            lines.addAll(lines(node.children(), indent + "  "));
        });
        return lines;
    }

    private List<String> hasCampaigns() {
        List<String> flags = new ArrayList<>();
        tree().forEach(node -> {
            flags.add(node.id() + ":" + node.hasCampaigns());
            node.children().forEach(child -> flags.add(child.id() + ":" + child.hasCampaigns()));
        });
        return flags;
    }
}
