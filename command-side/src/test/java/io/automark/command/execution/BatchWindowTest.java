package io.automark.command.execution;

import io.automark.command.execution.BatchWindow.BatchOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchWindowTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void movesOnOnlyOverTheBatchesRecordedWithoutAGap() throws Exception {
        BatchWindow window = new BatchWindow(threads, 3, 5);
        CountDownLatch firstMayEnd = new CountDownLatch(1);

        window.start(5, () -> {
            await(firstMayEnd);
            return recorded();
        });
        window.start(6, BatchWindowTest::recorded);
        window.start(7, BatchWindowTest::recorded);

        assertThat(window.mayStart(8)).isFalse();
        long ended = next(window).batchNumber() + next(window).batchNumber();
        assertThat(ended).isEqualTo(6 + 7);
        assertThat(window.recordedUpTo()).as("batch 5 still runs").isEqualTo(5);
        assertThat(window.mayStart(8)).as("no further than three past the first batch not recorded").isFalse();
        assertThat(window.awaitNext(Duration.ofMillis(50))).as("batch 5 still runs").isEmpty();

        firstMayEnd.countDown();
        assertThat(next(window).batchNumber()).isEqualTo(5);
        assertThat(window.recordedUpTo()).isEqualTo(8);
        assertThat(window.mayStart(8)).isTrue();
        assertThat(window.mayStart(11)).isFalse();
        assertThat(window.isEmpty()).isTrue();
    }

    @Test
    void aBatchTheExecutionRefusedKeepsTheJobBeforeIt() {
        BatchWindow window = new BatchWindow(threads, 2, 0);

        window.start(0, () -> BatchOutcome.NOT_RECORDED);
        window.start(1, BatchWindowTest::recorded);
        next(window);
        next(window);

        assertThat(window.recordedUpTo()).isZero();
    }

    @Test
    void keepsWhatABatchThrewAndStartsNothingMoreButLetsTheOthersEnd() {
        BatchWindow window = new BatchWindow(threads, 3, 0);

        window.start(0, BatchWindowTest::recorded);
        window.start(1, () -> {
            throw new IllegalStateException("store gone");
        });
        window.start(2, BatchWindowTest::recorded);
        List<BatchWindow.Ran> ended = List.of(next(window), next(window), next(window));

        assertThat(window.thrown()).containsOnlyKeys(1L);
        assertThat(window.thrown().get(1L)).hasMessage("store gone");
        assertThat(ended).filteredOn(ran -> ran.batchNumber() == 1).singleElement()
                .satisfies(ran -> assertThat(ran.refused()).as("not an execution that ended").isFalse());
        assertThat(window.failure()).isNull();
        assertThat(window.mayStart(3)).isFalse();
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.recordedUpTo()).as("the job resumes at the batch that threw").isEqualTo(1);
    }

    @Test
    void keepsAnErrorAsTheWindowsFailure() {
        BatchWindow window = new BatchWindow(threads, 2, 0);

        window.start(0, () -> {
            throw new StackOverflowError();
        });
        next(window);

        assertThat(window.failure()).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(window.thrown()).isEmpty();
        assertThat(window.mayStart(1)).isFalse();
    }

    @Test
    void needsRoomForOneBatch() {
        assertThatThrownBy(() -> new BatchWindow(threads, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BatchWindow.Ran next(BatchWindow window) {
        return window.awaitNext(Duration.ofSeconds(10)).orElseThrow();
    }

    private static BatchOutcome recorded() {
        return new BatchOutcome(true, List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
