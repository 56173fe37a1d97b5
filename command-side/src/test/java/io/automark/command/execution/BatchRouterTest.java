package io.automark.command.execution;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.component.ComponentRun;
import io.automark.command.execution.BatchRouter.RoutedBatch;
import io.automark.command.flow.FlowGraph;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A component that throws: the attempt throws, naming it, unless it is the batch's last; then the component's users
 * end FAILED there with the cause and the other branch goes on.
 */
class BatchRouterTest {

    /** in → split: "a" to the tag that throws, "b" to the tag that works. */
    private static final FlowGraph FLOW = FlowGraph.of(new FlowDefinition(List.of(
            new FlowComponent("in", ComponentType.TARGET_AUDIENCE, Map.of()),
            new FlowComponent("split", ComponentType.RANDOM_GROUPING, Map.of()),
            new FlowComponent("broken", ComponentType.TAG, Map.of()),
            new FlowComponent("fine", ComponentType.GENERATE_AUDIENCE, Map.of())),
            List.of(new FlowEdge("in", "split", null),
                    new FlowEdge("split", "broken", "a"),
                    new FlowEdge("split", "fine", "b"))));
    private static final BatchContext BATCH = new BatchContext("e-1", "c-1", "acme", "a-1", 7);

    private final BatchRouter router = new BatchRouter(new ComponentExecutors(List.of(
            passing(ComponentType.TARGET_AUDIENCE),
            passing(ComponentType.GENERATE_AUDIENCE),
            new Splitting(),
            new Throwing())));

    @Test
    void anAttemptThatIsNotTheLastThrowsAndNamesTheComponent() {
        Throwable thrown = catchThrowable(() -> router.route(BATCH, FLOW, users(6), false));

        assertThat(thrown).isInstanceOf(BatchFailure.class)
                .hasMessage("component [broken] threw IllegalStateException: corrupt attribute")
                .hasRootCauseMessage("corrupt attribute");
    }

    @Test
    void theLastAttemptEndsTheUsersOfTheComponentThatThrewFailedAndTheOtherBranchGoesOn() {
        RoutedBatch routed = router.route(BATCH, FLOW, users(6), true);

        assertThat(resultsOf(routed, "broken")).containsOnly(Map.entry(UserResult.FAILED, 3L));
        assertThat(outcomesOf(routed, "broken")).extracting(UserOutcome::reason)
                .containsOnly("IllegalStateException: corrupt attribute");
        assertThat(resultsOf(routed, "fine")).containsOnly(Map.entry(UserResult.PASSED, 3L));
        assertThat(routed.failures()).containsExactly("broken: IllegalStateException: corrupt attribute");
        assertThat(routed.givenUp()).singleElement().satisfies(givenUp -> {
            assertThat(givenUp.componentId()).isEqualTo("broken");
            assertThat(givenUp.users()).isEqualTo(3);
            assertThat(givenUp.thrown()).hasMessage("corrupt attribute");
        });
    }

    @Test
    void usersOfAChunkThatCannotBeReadEndFailedAtTheEntry() {
        RoutedBatch routed = router.unreadable(FLOW, List.of("u1", "u2", "u1"),
                new ClassCastException("not a document"));

        assertThat(routed.outcomes()).singleElement().satisfies(entry -> {
            assertThat(entry.componentId()).isEqualTo("in");
            assertThat(entry.outcomes()).extracting(UserOutcome::userId).containsExactly("u1", "u2");
            assertThat(entry.outcomes()).extracting(UserOutcome::result).containsOnly(UserResult.FAILED);
        });
        assertThat(routed.failures()).containsExactly("in: ClassCastException: not a document");
        assertThat(routed.givenUp()).singleElement().extracting(BatchRouter.GivenUp::users).isEqualTo(2);
    }

    @Test
    void aCauseKeepsTheTypeAndTheStartOfTheMessagesFirstLine() {
        assertThat(BatchRouter.causeOf(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(BatchRouter.causeOf(new IllegalArgumentException("bad value\n\tdetails")))
                .isEqualTo("IllegalArgumentException: bad value");
        assertThat(BatchRouter.causeOf(new IllegalStateException("x".repeat(500))))
                .hasSize(203).startsWith("IllegalStateException: xxx").endsWith("...");
    }

    private static List<AudienceMember> users(int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> new AudienceMember("u" + n, Map.of(), Set.of()))
                .toList();
    }

    private static List<UserOutcome> outcomesOf(RoutedBatch routed, String componentId) {
        return routed.outcomes().stream()
                .filter(outcomes -> outcomes.componentId().equals(componentId))
                .flatMap(outcomes -> outcomes.outcomes().stream())
                .toList();
    }

    private static Map<UserResult, Long> resultsOf(RoutedBatch routed, String componentId) {
        return outcomesOf(routed, componentId).stream()
                .collect(Collectors.groupingBy(UserOutcome::result, Collectors.counting()));
    }

    private static ComponentExecutor passing(ComponentType type) {
        return new ComponentExecutor() {
            @Override
            public Set<ComponentType> types() {
                return Set.of(type);
            }

            @Override
            public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
                return ComponentRun.of(users.stream()
                        .map(user -> new UserOutcome(user.userId(), UserResult.PASSED, null, null))
                        .toList());
            }
        };
    }

    /** Even users by "a", odd ones by "b". */
    private static final class Splitting implements ComponentExecutor {

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.RANDOM_GROUPING);
        }

        @Override
        public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
            return ComponentRun.of(IntStream.range(0, users.size())
                    .mapToObj(n -> new UserOutcome(users.get(n).userId(), UserResult.PASSED, n % 2 == 0 ? "a" : "b",
                            null))
                    .toList());
        }
    }

    private static final class Throwing implements ComponentExecutor {

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.TAG);
        }

        @Override
        public ComponentRun execute(BatchContext context, FlowComponent component, List<AudienceMember> users) {
            throw new IllegalStateException("corrupt attribute");
        }
    }
}
