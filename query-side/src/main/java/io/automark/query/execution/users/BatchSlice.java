package io.automark.query.execution.users;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of one batch's list at a component that falls on a page.
 *
 * @param skip how many of the batch's listed users come before the page
 * @param take how many of them are on it
 */
record BatchSlice(String batchId, long skip, int take) {

    /**
     * The slices of the batches, in the order given, that make up {@code size} users from {@code offset} on; only
     * the batches a page needs, none when the offset is past the end.
     */
    static List<BatchSlice> of(List<BatchCount> batches, long offset, int size) {
        List<BatchSlice> slices = new ArrayList<>();
        long skip = offset;
        int wanted = size;

        for (BatchCount batch : batches) {
            if (wanted == 0) {
                break;
            }
            if (skip >= batch.users()) {
                skip -= batch.users();
                continue;
            }

            int take = (int) Math.min(wanted, batch.users() - skip);
            slices.add(new BatchSlice(batch.batchId(), skip, take));
            wanted -= take;
            skip = 0;
        }
        return slices;
    }
}
