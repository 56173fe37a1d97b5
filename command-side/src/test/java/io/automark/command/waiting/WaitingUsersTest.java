package io.automark.command.waiting;

import com.mongodb.client.MongoClients;
import io.automark.command.audience.AudienceMember;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.execution.UserResult;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving due users into resume batches, against the embedded server. */
class WaitingUsersTest {

    private static final Instant PARKED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DUE = PARKED.plusSeconds(60);

    private final WaitingUsers waits = new WaitingUsers(new MongoTemplate(
            MongoClients.create(EmbeddedStore.uri("waiting-users")), "waits-" + UUID.randomUUID()));

    @Test
    void movesDueUsersAThousandAtATimeInTheOrderOfTheirIdsEachOnce() {
        park("e-1", "wait", 2_500, DUE);

        long first = waits.moveDue("e-1", "wait", 0, 1_000, DUE);
        long second = waits.moveDue("e-1", "wait", 1, 1_000, DUE);
        long third = waits.moveDue("e-1", "wait", 2, 1_000, DUE);
        long none = waits.moveDue("e-1", "wait", 3, 1_000, DUE);

        assertThat(List.of(first, second, third, none)).containsExactly(1_000L, 1_000L, 500L, 0L);
        assertThat(waits.moved("e-1", 0)).extracting(user -> user.member().userId())
                .containsExactlyInAnyOrderElementsOf(userIds(2_500).stream().sorted().limit(1_000).toList());
        assertThat(waits.moved("e-1", 2)).hasSize(500);
    }

    @Test
    void leavesUsersNotYetDueAndThoseOfOtherComponentsAndExecutions() {
        park("e-1", "wait", 10, DUE);
        park("e-1", "later", 10, DUE);
        park("e-2", "wait", 10, DUE);

        long moved = waits.moveDue("e-1", "wait", 0, 1_000, DUE.minusSeconds(1));
        long dueNow = waits.moveDue("e-1", "wait", 0, 1_000, DUE);

        assertThat(moved).isZero();
        assertThat(dueNow).isEqualTo(10);
        assertThat(waits.moved("e-1", 0)).hasSize(10);
        assertThat(waits.moveDue("e-1", "later", 1, 1_000, DUE)).isEqualTo(10);
        assertThat(waits.moveDue("e-2", "wait", 0, 1_000, DUE)).isEqualTo(10);
    }

    private void park(String executionId, String componentId, int users, Instant wakeAt) {
        List<ParkedUser> parked = userIds(users).stream()
                .map(userId -> new ParkedUser(componentId, new AudienceMember(userId, Map.of(), Set.of()),
                        Parking.until(wakeAt, new Exit(UserResult.PASSED, null)), Map.of(), "a-1", 0L))
                .toList();
        waits.park(executionId, "c-1", "acme", parked, PARKED);
    }

    private static List<String> userIds(int users) {
        return IntStream.range(0, users).mapToObj(n -> "u-" + n).toList();
    }
}
