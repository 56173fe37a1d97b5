package io.automark.command.group;

import com.mongodb.client.MongoClients;
import io.automark.command.common.NotFoundException;
import io.automark.command.group.GroupCommands.AddGroup;
import io.automark.command.group.GroupCommands.DeleteGroup;
import io.automark.command.group.GroupCommands.MoveGroup;
import io.automark.command.group.GroupCommands.RenameGroup;
import io.automark.command.group.GroupRuleViolations.GroupDepthExceeded;
import io.automark.command.group.GroupRuleViolations.GroupMoveIntoItself;
import io.automark.command.group.GroupRuleViolations.GroupNotEmpty;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupDeleted;
import io.automark.events.group.GroupMoved;
import io.automark.events.group.GroupRenamed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.UUID;

class GroupTreeTest {

    private static final String WS = "acme";
    private static final String TREE = GroupTree.idOf(WS);
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private FixtureConfiguration<GroupTree> fixture;
    private GroupCampaigns campaigns;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupTree.class);
        campaigns = new GroupCampaigns(new MongoTemplate(MongoClients.create(EmbeddedStore.uri("groups")),
                "groups-" + UUID.randomUUID()));
        fixture.registerInjectableResource(campaigns);
    }

    private static GroupAdded added(String id, String parent, int position) {
        return new GroupAdded(WS, id, id.toUpperCase(), parent, position, NOW);
    }

    @Test
    void addsTheFirstGroupOfAWorkspace() {
        fixture.givenNoPriorActivity()
                .when(new AddGroup(TREE, WS, "a", "A", null, null, NOW))
                .expectEvents(added("a", null, 0));
    }

    @Test
    void addsASiblingAtAChosenPlace() {
        fixture.given(added("a", null, 0), added("b", null, 1))
                .when(new AddGroup(TREE, WS, "c", "C", null, 1, NOW))
                .expectEvents(added("c", null, 1));
    }

    @Test
    void addsAChildAfterItsSiblings() {
        fixture.given(added("a", null, 0), added("a1", "a", 0))
                .when(new AddGroup(TREE, WS, "a2", "A2", "a", null, NOW))
                .expectEvents(added("a2", "a", 1));
    }

    @Test
    void refusesAFourthLevel() {
        fixture.given(added("a", null, 0), added("b", "a", 0), added("c", "b", 0))
                .when(new AddGroup(TREE, WS, "d", "D", "c", null, NOW))
                .expectNoEvents()
                .expectException(GroupDepthExceeded.class);
    }

    @Test
    void refusesAMoveThatWouldMakeAFourthLevel() {
        fixture.given(added("a", null, 0), added("b", "a", 0), added("x", null, 1), added("y", "x", 0))
                .when(new MoveGroup(TREE, "x", "b", 0, NOW))
                .expectNoEvents()
                .expectException(GroupDepthExceeded.class);
    }

    @Test
    void movesAGroupUnderAnother() {
        fixture.given(added("a", null, 0), added("x", null, 1), added("y", "x", 0))
                .when(new MoveGroup(TREE, "x", "a", 0, NOW))
                .expectEvents(new GroupMoved(WS, "x", "a", 0, NOW));
    }

    @Test
    void reordersSiblings() {
        fixture.given(added("a", null, 0), added("b", null, 1), added("c", null, 2))
                .when(new MoveGroup(TREE, "c", null, 0, NOW))
                .expectEvents(new GroupMoved(WS, "c", null, 0, NOW));
    }

    @Test
    void refusesToMoveAGroupUnderItsOwnSubGroup() {
        fixture.given(added("a", null, 0), added("b", "a", 0))
                .when(new MoveGroup(TREE, "a", "b", 0, NOW))
                .expectException(GroupMoveIntoItself.class);
    }

    @Test
    void renamesAGroup() {
        fixture.given(added("a", null, 0))
                .when(new RenameGroup(TREE, "a", "Spring", NOW))
                .expectEvents(new GroupRenamed(WS, "a", "Spring", NOW));
    }

    @Test
    void deletesAnEmptyGroup() {
        fixture.given(added("a", null, 0))
                .when(new DeleteGroup(TREE, "a", NOW))
                .expectEvents(new GroupDeleted(WS, "a", NOW));
    }

    @Test
    void refusesToDeleteAGroupWithSubGroups() {
        fixture.given(added("a", null, 0), added("b", "a", 0))
                .when(new DeleteGroup(TREE, "a", NOW))
                .expectNoEvents()
                .expectException(GroupNotEmpty.class);
    }

    @Test
    void refusesToDeleteAGroupWithCampaigns() {
        campaigns.file(WS, "c-1", "a");

        fixture.given(added("a", null, 0))
                .when(new DeleteGroup(TREE, "a", NOW))
                .expectNoEvents()
                .expectException(GroupNotEmpty.class);
    }

    @Test
    void answersNotFoundForAnUnknownParent() {
        fixture.given(added("a", null, 0))
                .when(new AddGroup(TREE, WS, "b", "B", "ghost", null, NOW))
                .expectException(NotFoundException.class);
    }
}
