package io.automark.query.execution;

import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.UserOutcome;
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
            add(counters + ".results." + UserResult.WAITING.name(), -outcomes.users().size());
        } else {
            add(counters + ".entered", outcomes.users().size());
        }
        outcomes.users().forEach(user -> count(counters, user));
        if (outcomes.type() != null && outcomes.type().isEntry()) {
            enteredUsers += outcomes.users().size();
        }
    }

    private void count(String counters, UserOutcome user) {
        add(counters + ".results." + user.result().name(), 1);
        if (user.branch() != null && !user.branch().isEmpty()) {
            add(counters + ".branches." + FieldKey.encode(user.branch()), 1);
        }
    }

    private void add(String path, long amount) {
        increments.merge(path, amount, Long::sum);
    }
}
