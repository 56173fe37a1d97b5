package io.automark.query.execution.users;

import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import io.automark.query.execution.ExecutionProjection;
import io.automark.query.support.QuerySideTest;
import io.automark.query.web.PageOf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.outcomes;
import static io.automark.query.support.Fixtures.users;
import static io.automark.query.support.Fixtures.waitFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Users who wait at a component: recorded WAITING in one batch, then with their final result in a later, resumed
 * batch. Lists at the component show only the latest result, the route both steps.
 */
@QuerySideTest
class WaitingUserDetailsTest {

    static final UserWindow ALL = UserWindow.parse("all");

    /** Resumed batches are numbered from here on, after the audience's own. */
    static final long RESUMED = 1L << 40;

    @Autowired
    ExecutionProjection executions;

    @Autowired
    ExecutionUserProjection projection;

    @Autowired
    ExecutionUserQueries queries;

    final String ws = newWorkspace();
    final String id = newId("e");
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void givenFourUsersWaitingAtThePause() {
        executions.on(new ExecutionStarted(id, "c-1", ws, 1, waitFlow(), now.minusSeconds(3600)), 0);
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, users("w", 4), UserResult.PASSED, null),
                outcomes("pause", ComponentType.WAIT_UNTIL, users("w", 4), UserResult.WAITING, null)),
                now.minusSeconds(60)));
    }

    @Test
    void aResumedUserIsNoLongerListedAsWaitingButWithTheResultItLeftWith() {
        // when
        projection.on(resumedBatch(RESUMED, "w000", "w001"));

        // then
        PageOf<ComponentUser> waiting = queries.usersAt(ws, id, "pause", ALL, UserResult.WAITING, 0, 10);
        PageOf<ComponentUser> all = queries.usersAt(ws, id, "pause", ALL, null, 0, 10);
        assertThat(waiting.total()).isEqualTo(2);
        assertThat(waiting.items()).extracting(ComponentUser::userId).containsExactly("w002", "w003");
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(ComponentUser::userId, ComponentUser::result).containsExactly(
                tuple("w002", UserResult.WAITING), tuple("w003", UserResult.WAITING),
                tuple("w000", UserResult.PASSED), tuple("w001", UserResult.PASSED));
        assertThat(queries.usersAt(ws, id, "mail", ALL, null, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void aRedeliveredResumedBatchMovesAndCountsNobodyTwice() {
        // given
        ExecutionBatchRecorded resumed = resumedBatch(RESUMED, "w000");
        projection.on(resumed);

        // when
        projection.on(resumed);

        // then
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.WAITING, 0, 10).total()).isEqualTo(3);
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.PASSED, 0, 10).total()).isEqualTo(1);
        assertThat(queries.usersAt(ws, id, "pause", ALL, null, 0, 10).items()).hasSize(4);
    }

    @Test
    void aRedeliveredWaitingBatchDoesNotListResumedUsersAsWaitingAgain() {
        // given
        projection.on(resumedBatch(RESUMED, "w000"));

        // when
        projection.on(new ExecutionBatchRecorded(id, "c-1", ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, users("w", 4), UserResult.PASSED, null),
                outcomes("pause", ComponentType.WAIT_UNTIL, users("w", 4), UserResult.WAITING, null)),
                now.minusSeconds(60)));

        // then
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.WAITING, 0, 10).items())
                .extracting(ComponentUser::userId).containsExactly("w001", "w002", "w003");
    }

    @Test
    void laterResumedBatchesMoveTheirOwnUsers() {
        // when
        projection.on(resumedBatch(RESUMED, "w000"));
        projection.on(resumedBatch(RESUMED + 1, "w002", "w003"));

        // then
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.WAITING, 0, 10).items())
                .extracting(ComponentUser::userId).containsExactly("w001");
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.PASSED, 0, 10).items())
                .extracting(ComponentUser::userId).containsExactly("w000", "w002", "w003");
    }

    @Test
    void theRouteOfAResumedUserShowsBothStepsAtThePause() {
        // given
        projection.on(resumedBatch(RESUMED, "w000", "w001"));

        // when
        UserRoute resumed = queries.route(ws, id, "w001");
        UserRoute stillWaiting = queries.route(ws, id, "w003");

        // then
        assertThat(resumed.steps()).extracting(UserRoute.Step::componentId, UserRoute.Step::result).containsExactly(
                tuple("audience", UserResult.PASSED), tuple("pause", UserResult.WAITING),
                tuple("pause", UserResult.PASSED), tuple("mail", UserResult.FAILED));
        assertThat(resumed.steps().get(1).at()).isEqualTo(now.minusSeconds(60));
        assertThat(resumed.steps().get(2).at()).isEqualTo(now);
        assertThat(resumed.steps().get(3).reason()).isEqualTo("bounced");
        assertThat(stillWaiting.steps()).extracting(UserRoute.Step::result)
                .containsExactly(UserResult.PASSED, UserResult.WAITING);
    }

    @Test
    void aResumedUserWithoutAnEarlierBatchIsListedWithItsResult() {
        // when
        projection.on(resumedBatch(RESUMED, "stranger"));

        // then
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.WAITING, 0, 10).total()).isEqualTo(4);
        assertThat(queries.usersAt(ws, id, "pause", ALL, UserResult.PASSED, 0, 10).items())
                .extracting(ComponentUser::userId).containsExactly("stranger");
    }

    /** The users leave the pause PASSED; the first of them gets mail, any second one's mail bounces. */
    private ExecutionBatchRecorded resumedBatch(long number, String... userIds) {
        List<String> left = List.of(userIds);
        List<UserOutcome> passed = left.stream()
                .map(user -> new UserOutcome(user, UserResult.PASSED, null, null))
                .toList();
        return new ExecutionBatchRecorded(id, "c-1", ws, number, List.of(
                new ComponentOutcomes("pause", ComponentType.WAIT_UNTIL, passed, true),
                outcomes("mail", ComponentType.EMAIL, left.subList(0, 1), UserResult.SUCCESS, null),
                outcomes("mail", ComponentType.EMAIL, left.subList(1, left.size()), UserResult.FAILED, null)),
                now);
    }
}
