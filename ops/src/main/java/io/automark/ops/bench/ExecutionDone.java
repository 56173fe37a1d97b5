package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The milestone "the execution read model shows the run COMPLETED with the expected figures". It keeps the last
 * execution document it read.
 */
final class ExecutionDone implements Milestones.Milestone {

    private final ReadModels reads;

    private final String executionId;

    private final long users;

    private final Function<JsonNode, List<String>> problems;

    private JsonNode last = MissingNode.getInstance();

    /**
     * @param users    the users the run takes in, for the progress lines
     * @param problems what is wrong with the figures of a completed execution; empty when they are right
     */
    ExecutionDone(ReadModels reads, String executionId, long users, Function<JsonNode, List<String>> problems) {
        this.reads = reads;
        this.executionId = executionId;
        this.users = users;
        this.problems = problems;
    }

    JsonNode last() {
        return last;
    }

    @Override
    public Optional<String> missing() {
        Optional<JsonNode> execution = reads.execution(executionId);
        if (execution.isEmpty()) {
            return Optional.of("the execution read model does not know execution " + executionId + " yet");
        }
        last = execution.get();

        String status = last.path("status").asText("PENDING");
        if ("PENDING".equals(status) || "IN_PROGRESS".equals(status)) {
            return Optional.of(String.format("%s, %,d of %,d users processed in %,d batches", status,
                    last.path("processedUsers").asLong(), users, last.path("batches").asLong()));
        }
        if (!"COMPLETED".equals(status)) {
            throw new IllegalStateException("execution " + executionId + " ended " + status + ": "
                    + last.path("reason").asText(""));
        }
        List<String> wrong = problems.apply(last);
        return wrong.isEmpty() ? Optional.empty() : Optional.of("COMPLETED, but " + String.join("; ", wrong));
    }
}
