package io.automark.command.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClients;
import io.automark.command.flow.StoredJson;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.Flows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The failed attempts of a job's batches, counted in the job's document of the embedded store. */
class ExecutionJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private MongoTemplate mongo;
    private ExecutionJobStore jobs;
    /** Another instance's view of the same store. */
    private ExecutionJobStore otherInstance;

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(MongoClients.create(EmbeddedStore.uri("jobs")), "jobs-" + UUID.randomUUID());
        StoredJson json = new StoredJson(new ObjectMapper());
        jobs = new ExecutionJobStore(mongo, json);
        otherInstance = new ExecutionJobStore(mongo, json);
        jobs.plan("e-1", "c-1", "acme", Flows.judgedFlow("a-1", "http://localhost:9/hook"), "a-1", T0);
    }

    @Test
    void countsEveryFailedAttemptOfTheHolderOnceWhenSeveralThreadsCount() throws Exception {
        jobs.claim("worker-a", T0, LEASE).orElseThrow();
        ExecutorService threads = Executors.newFixedThreadPool(4);

        try {
            List<CompletableFuture<OptionalInt>> counted = IntStream.range(0, 40)
                    .mapToObj(n -> CompletableFuture.supplyAsync(
                            () -> otherInstance.countFailedAttempt("e-1", "worker-a", 7), threads))
                    .toList();

            assertThat(counted).extracting(CompletableFuture::join).extracting(OptionalInt::getAsInt)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onlyTheHolderCountsAndTheNextHolderReadsTheCounts() {
        jobs.claim("worker-a", T0, LEASE).orElseThrow();
        jobs.countFailedAttempt("e-1", "worker-a", 3);
        OptionalInt second = jobs.countFailedAttempt("e-1", "worker-a", 3);
        jobs.countFailedAttempt("e-1", "worker-a", 12);

        OptionalInt notHeld = otherInstance.countFailedAttempt("e-1", "worker-b", 3);
        jobs.postpone("e-1", "worker-a", T0, Duration.ofSeconds(2));
        ExecutionJob takenOver = otherInstance.claim("worker-b", T0.plusSeconds(2), LEASE).orElseThrow();

        assertThat(second).hasValue(2);
        assertThat(notHeld).isEmpty();
        assertThat(takenOver.failedAttempts(3)).isEqualTo(2);
        assertThat(takenOver.failedAttempts(12)).isEqualTo(1);
        assertThat(takenOver.failedAttempts(4)).isZero();
    }

    @Test
    void aPostponedJobIsNotClaimedBeforeItsBackOffEnds() {
        jobs.claim("worker-a", T0, LEASE).orElseThrow();

        jobs.postpone("e-1", "worker-a", T0, Duration.ofSeconds(4));

        assertThat(otherInstance.claim("worker-b", T0.plusSeconds(3), LEASE)).isEmpty();
        assertThat(otherInstance.claim("worker-b", T0.plusSeconds(4), LEASE)).isPresent();
    }
}
