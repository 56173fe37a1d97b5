package io.automark.query.execution.users;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSliceTest {

    final List<BatchCount> batches = List.of(new BatchCount("e:0", 3), new BatchCount("e:1", 5),
            new BatchCount("e:2", 2));

    @Test
    void aPageInsideOneBatchReadsOnlyThatBatch() {
        // when / then
        assertThat(BatchSlice.of(batches, 4, 2)).containsExactly(new BatchSlice("e:1", 1, 2));
    }

    @Test
    void aPageAcrossBatchesTakesTheRestOfOneAndTheStartOfTheNext() {
        // when / then
        assertThat(BatchSlice.of(batches, 2, 8)).containsExactly(new BatchSlice("e:0", 2, 1),
                new BatchSlice("e:1", 0, 5), new BatchSlice("e:2", 0, 2));
    }

    @Test
    void aPagePastTheEndReadsNothing() {
        // when / then
        assertThat(BatchSlice.of(batches, 10, 5)).isEmpty();
        assertThat(BatchSlice.of(List.of(), 0, 5)).isEmpty();
    }
}
