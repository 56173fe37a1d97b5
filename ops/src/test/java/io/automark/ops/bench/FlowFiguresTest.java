package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsNothingWrongWhenEveryEnteredTotalAddsUp() throws Exception {
        JsonNode execution = engineExecution(100, 50, 50, 24, 26, 24, 76);

        assertThat(EngineFlow.problems(execution, 100, 50)).isEmpty();
    }

    @Test
    void namesTheFigureThatDoesNotAddUp() throws Exception {
        JsonNode execution = engineExecution(100, 50, 50, 24, 26, 24, 70);

        assertThat(EngineFlow.problems(execution, 100, 50)).containsExactly("entered tag + generate is 94, not 100");
    }

    @Test
    void wantsEveryUserSentToWithSuccess() throws Exception {
        JsonNode done = JSON.readTree("""
                {"components": [{"componentId": "in", "entered": 10},
                  {"componentId": "send", "entered": 10, "sent": 10, "succeeded": 10, "failed": 0}]}""");
        JsonNode failing = JSON.readTree("""
                {"components": [{"componentId": "send", "entered": 10, "sent": 10, "succeeded": 8, "failed": 2}]}""");

        assertThat(ChannelFlow.problems(done, 10)).isEmpty();
        assertThat(ChannelFlow.problems(failing, 10)).containsExactly("succeeded is 8, not 10", "failed is 2, not 0");
    }

    @Test
    void groupsThreadsOfOnePool() {
        assertThat(ProfileSummary.threadGroup("execution-worker-2")).isEqualTo("execution-worker-#");
    }

    private static JsonNode engineExecution(long entered, long yes, long no, long groupA, long groupB, long tagged,
                                            long generated) throws Exception {
        return JSON.readTree("""
                {"components": [
                  {"componentId": "in", "entered": %d},
                  {"componentId": "judge", "entered": %d, "branches": {"yes": %d, "no": %d}},
                  {"componentId": "split", "entered": %d, "branches": {"A": %d, "B": %d}},
                  {"componentId": "tag", "entered": %d},
                  {"componentId": "generate", "entered": %d}]}
                """.formatted(entered, entered, yes, no, yes, groupA, groupB, tagged, generated));
    }
}
