package io.automark.query.execution.users;

import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserResult;
import io.automark.query.execution.ComponentNotFound;
import io.automark.query.execution.ExecutionProjection;
import io.automark.query.support.QuerySideTest;
import io.automark.query.web.PageOf;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.outcomes;
import static io.automark.query.support.Fixtures.splitFlow;
import static io.automark.query.support.Fixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuerySideTest
class ExecutionUserProjectionTest {

    static final UserWindow ALL = UserWindow.parse("all");

    @Autowired
    ExecutionProjection executions;

    @Autowired
    ExecutionUserProjection projection;

    @Autowired
    ExecutionUserQueries queries;

    @Autowired
    ExpiredUserBatchSweeper sweeper;

    @Autowired
    MongoTemplate mongo;

    final String ws = newWorkspace();
    final String id = newId("e");
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void givenAStartedExecution() {
        executions.on(new ExecutionStarted(id, "c-1", ws, 1, splitFlow(), now.minusSeconds(3600)), 0);
    }

    @Test
    void writesOneDocumentPerBatchWithItsUsersGroupedByOutcomeAndCounted() {
        // when
        projection.on(batch(0, "u", now));

        // then
        List<Document> stored = batchesOf(id);
        assertThat(stored).hasSize(1);
        Document batch = stored.get(0);
        assertThat(batch.getString("_id")).isEqualTo(UserBatch.idOf(id, 0));
        assertThat(batch.getList("users", String.class)).isEqualTo(users("u", 10));
        assertThat(batch.getDate("expireAt").toInstant()).isEqualTo(now.plus(Duration.ofDays(7)));
        Document mail = batch.get("components", Document.class).get("mail", Document.class);
        assertThat(mail.get("counts", Document.class))
                .isEqualTo(new Document("SUCCESS", 4).append("FAILED", 1).append("SKIPPED", 1));
        assertThat(UserBatch.groupsOf(batch, "split")).extracting(OutcomeGroup::branch).containsExactly("A", "B");
        assertThat(UserBatch.groupsOf(batch, "mail").get(1))
                .isEqualTo(new OutcomeGroup(UserResult.FAILED, null, "bounced", List.of("u004"), List.of()));
    }

    @Test
    void listsTheUsersWithEachResultAtAComponent() {
        // given
        projection.on(batch(0, "u", now.minusSeconds(60)));

        // when
        PageOf<ComponentUser> failed = queries.usersAt(ws, id, "mail", ALL, UserResult.FAILED, 0, 10);
        PageOf<ComponentUser> entered = queries.usersAt(ws, id, "mail", ALL, null, 0, 10);

        // then
        assertThat(failed.items()).containsExactly(
                new ComponentUser("u004", UserResult.FAILED, null, "bounced", now.minusSeconds(60)));
        assertThat(failed.total()).isEqualTo(1);
        assertThat(entered.total()).isEqualTo(6);
        assertThat(entered.items()).extracting(ComponentUser::userId)
                .containsExactly("u000", "u001", "u002", "u003", "u004", "u005");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        // given
        ExecutionBatchRecorded batch = batch(0, "u", now.minusSeconds(60));
        projection.on(batch);
        List<Document> before = batchesOf(id);

        // when
        projection.on(batch);

        // then
        assertThat(batchesOf(id)).isEqualTo(before);
        assertThat(queries.usersAt(ws, id, "audience", ALL, null, 0, 50).total()).isEqualTo(10);
        assertThat(queries.route(ws, id, "u000").steps()).hasSize(3);
    }

    @Test
    void theFiveMinuteWindowShowsOnlyRecentBatches() {
        // given
        projection.on(batch(0, "old", now.minus(Duration.ofMinutes(10))));
        projection.on(batch(1, "new", now.minus(Duration.ofMinutes(1))));

        // when
        PageOf<ComponentUser> recent = queries.usersAt(ws, id, "audience", UserWindow.parse("5m"), null, 0, 50);
        PageOf<ComponentUser> toDate = queries.usersAt(ws, id, "audience", ALL, null, 0, 50);

        // then
        assertThat(recent.total()).isEqualTo(10);
        assertThat(recent.items()).hasSize(10)
                .allSatisfy(user -> assertThat(user.userId()).startsWith("new"));
        assertThat(toDate.total()).isEqualTo(20);
    }

    @Test
    void pagesAcrossBatchesInBatchOrderWithTheTotalOfThemAll() {
        // given: recorded out of their number order
        projection.on(batch(2, "c", now));
        projection.on(batch(0, "a", now.minusSeconds(2)));
        projection.on(batch(1, "b", now.minusSeconds(1)));

        // when
        PageOf<ComponentUser> third = queries.usersAt(ws, id, "audience", ALL, UserResult.PASSED, 2, 4);
        PageOf<ComponentUser> lastFailed = queries.usersAt(ws, id, "mail", ALL, UserResult.FAILED, 1, 2);
        PageOf<ComponentUser> pastTheEnd = queries.usersAt(ws, id, "audience", ALL, null, 8, 4);

        // then
        assertThat(third.total()).isEqualTo(30);
        assertThat(third.items()).extracting(ComponentUser::userId).containsExactly("a008", "a009", "b000", "b001");
        assertThat(lastFailed.total()).isEqualTo(3);
        assertThat(lastFailed.items()).extracting(ComponentUser::userId).containsExactly("c004");
        assertThat(pastTheEnd.total()).isEqualTo(30);
        assertThat(pastTheEnd.items()).isEmpty();
    }

    @Test
    void showsAUsersRouteInTheOrderOfTheFlow() {
        // given
        projection.on(batch(0, "u", now));

        // when
        UserRoute route = queries.route(ws, id, "u004");

        // then
        assertThat(route.steps()).extracting(UserRoute.Step::componentId).containsExactly("audience", "split", "mail");
        assertThat(route.steps().get(1).branch()).isEqualTo("A");
        assertThat(route.steps().get(2).result()).isEqualTo(UserResult.FAILED);
        assertThat(route.steps().get(2).reason()).isEqualTo("bounced");
        assertThat(route.steps().get(2).type()).isEqualTo(ComponentType.EMAIL);
    }

    @Test
    void ignoresBatchesPastTheirExpiryThatTheStoreStillHolds() {
        // given
        projection.on(batch(0, "gone", now.minusSeconds(60)));
        projection.on(batch(1, "kept", now));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(UserBatch.idOf(id, 0))),
                new Update().set("expireAt", Date.from(now.minusSeconds(1))), UserBatch.COLLECTION);

        // when
        PageOf<ComponentUser> users = queries.usersAt(ws, id, "audience", ALL, null, 0, 50);

        // then
        assertThat(users.total()).isEqualTo(10);
        assertThat(users.items()).allSatisfy(user -> assertThat(user.userId()).startsWith("kept"));
        assertThatThrownBy(() -> queries.route(ws, id, "gone001")).isInstanceOf(UserRouteNotFound.class);
        assertThat(queries.route(ws, id, "kept001").steps()).hasSize(3);
    }

    @Test
    void theSweeperDeletesExpiredBatches() {
        // given
        mongo.insert(new Document("_id", UserBatch.idOf(id, 7)).append("executionId", id)
                .append("expireAt", Date.from(now.minus(Duration.ofDays(1)))), UserBatch.COLLECTION);
        projection.on(batch(0, "u", now));

        // when
        long deleted = sweeper.sweep();

        // then
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(batchesOf(id)).extracting(batch -> batch.getString("_id")).containsExactly(UserBatch.idOf(id, 0));
    }

    @Test
    void writesNothingForABatchAlreadyPastRetention() {
        // when
        projection.on(batch(0, "u", now.minus(Duration.ofDays(8))));

        // then
        assertThat(batchesOf(id)).isEmpty();
    }

    @Test
    void refusesAComponentTheFlowDoesNotHave() {
        // when / then
        assertThatThrownBy(() -> queries.usersAt(ws, id, "nope", ALL, null, 0, 10))
                .isInstanceOf(ComponentNotFound.class);
    }

    private List<Document> batchesOf(String executionId) {
        return mongo.getCollection(UserBatch.COLLECTION)
                .find(new Document("executionId", executionId))
                .sort(new Document("batch", 1))
                .into(new ArrayList<>());
    }

    /** Ten users enter; six go to branch A and get mail (the fifth fails), four go to B and a webhook. */
    private ExecutionBatchRecorded batch(long number, String prefix, Instant recordedAt) {
        List<String> all = users(prefix, 10);
        List<ComponentOutcomes> components = List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, all, UserResult.PASSED, null),
                outcomes("split", ComponentType.RANDOM_GROUPING, all.subList(0, 6), UserResult.PASSED, "A"),
                outcomes("split", ComponentType.RANDOM_GROUPING, all.subList(6, 10), UserResult.PASSED, "B"),
                outcomes("mail", ComponentType.EMAIL, all.subList(0, 4), UserResult.SUCCESS, null),
                outcomes("mail", ComponentType.EMAIL, all.subList(4, 5), UserResult.FAILED, null),
                outcomes("mail", ComponentType.EMAIL, all.subList(5, 6), UserResult.SKIPPED, null),
                outcomes("hook", ComponentType.WEBHOOK, all.subList(6, 10), UserResult.SUCCESS, null));

        return new ExecutionBatchRecorded(id, "c-1", ws, number, components, recordedAt);
    }
}
