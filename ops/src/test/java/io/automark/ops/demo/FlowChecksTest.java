package io.automark.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlowChecksTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passesFiguresThatAddUp() throws Exception {
        JsonNode execution = execution("COMPLETED", 100, 40, 60, 25, 15, 25, 75);

        List<FigureCheck> checks = FlowChecks.of(new ExecutionFigures(execution), 100, 40, 25L, 75);

        assertThat(checks).allMatch(FigureCheck::passed);
    }

    @Test
    void failsASplitThatLosesUsers() throws Exception {
        JsonNode execution = execution("COMPLETED", 100, 40, 59, 25, 15, 25, 74);

        List<FigureCheck> checks = FlowChecks.of(new ExecutionFigures(execution), 100, 40, 25L, 74);

        assertThat(checks).filteredOn(check -> !check.passed())
                .extracting(FigureCheck::description)
                .contains("TAG_JUDGMENT yes + no = entered", "EMAIL entered + WEBHOOK entered");
    }

    @Test
    void failsMailsThatNeverArrived() throws Exception {
        JsonNode execution = execution("COMPLETED", 100, 40, 60, 25, 15, 25, 75);

        List<FigureCheck> checks = FlowChecks.of(new ExecutionFigures(execution), 100, 40, 24L, 75);

        assertThat(checks).filteredOn(check -> !check.passed())
                .extracting(FigureCheck::description)
                .containsExactly("EMAIL sent = mails the SMTP server received");
    }

    @Test
    void failsAFigureTheApiDoesNotReport() throws Exception {
        JsonNode execution = execution("COMPLETED", 100, 40, 60, 25, 15, 25, 75);

        List<FigureCheck> checks = FlowChecks.of(new ExecutionFigures(execution), 100, 40, null, 75);

        assertThat(checks).filteredOn(check -> !check.passed()).hasSize(1);
    }

    private JsonNode execution(String status, int users, int yes, int no, int groupA, int groupB, int mailed,
                               int hooked) throws Exception {
        String document = """
                {"id": "e-1", "status": "%s", "processedUsers": %d, "components": [
                  {"componentId": "audience", "type": "TARGET_AUDIENCE", "entered": %d, "passed": %d},
                  {"componentId": "newbie", "type": "TAG_JUDGMENT", "entered": %d, "passed": %d,
                   "branches": {"yes": %d, "no": %d}},
                  {"componentId": "split", "type": "RANDOM_GROUPING", "entered": %d, "passed": %d,
                   "branches": {"A": %d, "B": %d}},
                  {"componentId": "mail", "type": "EMAIL", "entered": %d, "sent": %d, "succeeded": %d, "failed": 0},
                  {"componentId": "hook", "type": "WEBHOOK", "entered": %d, "sent": %d, "succeeded": %d, "failed": 0}
                ]}""".formatted(status, users, users, users, users, yes, yes, no, yes, yes, groupA, groupB,
                mailed, mailed, mailed, hooked, hooked, hooked);
        return json.readTree(document);
    }
}
