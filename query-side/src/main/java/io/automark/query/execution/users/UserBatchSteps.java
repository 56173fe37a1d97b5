package io.automark.query.execution.users;

import io.automark.query.execution.FieldKey;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** The steps one user took in one batch, read from its {@link UserBatch} document. */
final class UserBatchSteps {

    private UserBatchSteps() {
    }

    /** Every component where the batch holds the user, listed or since resumed, in the document's order. */
    static List<UserStep> of(Document batch, String userId) {
        List<UserStep> steps = new ArrayList<>();
        long number = batch.get(UserBatch.BATCH, Number.class).longValue();

        UserBatch.componentsOf(batch).forEach((key, component) -> {
            String componentId = FieldKey.decode(key);
            for (OutcomeGroup group : UserBatch.groupsOf((Document) component)) {
                if (group.holds(userId)) {
                    steps.add(new UserStep(componentId, group.result(), group.branch(), group.reason(),
                            batch.getDate(UserBatch.AT).toInstant(), number));
                }
            }
        });
        return steps;
    }
}
