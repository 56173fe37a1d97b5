package io.automark.query.execution;

import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.OutcomeGroup;
import io.automark.events.execution.UserResult;
import org.springframework.data.mongodb.core.query.Update;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts one batch's outcomes into increments of an execution's counters. */
final class BatchFigures {

    private final Map<String, Long> increments = new LinkedHashMap<>();
    private long enteredUsers;

    private BatchFigures() {
    }

    /** The {@code $inc} of every counter the batch moves, plus the batch and user totals. */
    static Update incrementsOf(ExecutionBatchRecorded batch) {
        BatchFigures figures = new BatchFigures();

        batch.components().forEach(figures::count);

        Update update = new Update();
        figures.increments.forEach(update::inc);
        return update
                .inc("processedUsers", figures.enteredUsers)
                .inc("batches", 1L);
    }

    private void count(ComponentOutcomes outcomes) {
        String counters = "figures." + FieldKey.encode(outcomes.componentId());

        if (outcomes.resumed()) {
            // These users entered, and were counted as waiting, in an earlier batch; now they leave.
            add(counters + ".results." + UserResult.WAITING.name(), -outcomes.size());
        } else {
            add(counters + ".entered", outcomes.size());
        }
        outcomes.groups().forEach(group -> count(counters, group));
        if (outcomes.type() != null && outcomes.type().isEntry()) {
            enteredUsers += outcomes.size();
        }
    }

    private void count(String counters, OutcomeGroup group) {
        int users = group.userIds().size();
        add(counters + ".results." + group.result().name(), users);
        if (group.branch() != null && !group.branch().isEmpty()) {
            add(counters + ".branches." + FieldKey.encode(group.branch()), users);
        }
    }

    private void add(String path, long amount) {
        increments.merge(path, amount, Long::sum);
    }
}
