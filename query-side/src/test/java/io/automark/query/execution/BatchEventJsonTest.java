package io.automark.query.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.OutcomeGroup;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch events as the stream holds them: users grouped by outcome since revision 3, and the per-user records of
 * earlier revisions still read, with the strict settings both sides use.
 */
class BatchEventJsonTest {

    private final JsonMapper json = JsonMapper.builder()
            .findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Test
    void writesEachUserOncePerComponentGroupedByOutcome() throws Exception {
        ComponentOutcomes outcomes = new ComponentOutcomes("judge", ComponentType.TAG_JUDGMENT, List.of(
                new UserOutcome("u1", UserResult.PASSED, "yes", null),
                new UserOutcome("u2", UserResult.NOT_PASSED, "no", null),
                new UserOutcome("u3", UserResult.PASSED, "yes", null)));

        String written = json.writeValueAsString(outcomes);

        assertThat(written).doesNotContain("userId\"");
        assertThat(json.readValue(written, ComponentOutcomes.class).groups()).containsExactly(
                new OutcomeGroup(UserResult.PASSED, "yes", null, List.of("u1", "u3")),
                new OutcomeGroup(UserResult.NOT_PASSED, "no", null, List.of("u2")));
    }

    @Test
    void readsTheUsersOfARevisionTwoEventIntoGroups() throws Exception {
        String revisionTwo = """
                {"componentId": "mail", "type": "EMAIL", "resumed": false, "users": [
                  {"userId": "u1", "result": "SUCCESS"},
                  {"userId": "u2", "result": "FAILED", "reason": "HTTP 500"},
                  {"userId": "u3", "result": "SUCCESS"}]}""";

        ComponentOutcomes read = json.readValue(revisionTwo, ComponentOutcomes.class);

        assertThat(read.size()).isEqualTo(3);
        assertThat(read.users()).isEmpty();
        assertThat(read.outcomes()).containsExactly(
                new UserOutcome("u1", UserResult.SUCCESS, null, null),
                new UserOutcome("u3", UserResult.SUCCESS, null, null),
                new UserOutcome("u2", UserResult.FAILED, null, "HTTP 500"));
    }

    @Test
    void readsARevisionOneEventWithoutResumed() throws Exception {
        String revisionOne = """
                {"executionId": "e1", "campaignId": "c1", "workspaceId": "acme", "batchNumber": 4,
                 "recordedAt": "2026-12-01T10:00:00Z", "components": [{"componentId": "in",
                 "type": "TARGET_AUDIENCE", "users": [{"userId": "u1", "result": "PASSED"}]}]}""";

        ExecutionBatchRecorded read = json.readValue(revisionOne, ExecutionBatchRecorded.class);

        assertThat(read.recordedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(read.components().get(0).resumed()).isFalse();
        assertThat(read.components().get(0).groups()).containsExactly(
                new OutcomeGroup(UserResult.PASSED, null, null, List.of("u1")));
    }
}
