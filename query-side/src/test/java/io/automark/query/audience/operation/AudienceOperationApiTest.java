package io.automark.query.audience.operation;

import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceExportFailed;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.execution.UserResult;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class AudienceOperationApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    AudienceOperationProjection projection;

    final String ws = newWorkspace();
    final String executionId = newId("e");

    @Test
    void listsAComponentsOperationsNewestFirstWithTheirOutcomes() throws Exception {
        // given
        String failed = requested(T0);
        String completed = requested(T0.plusSeconds(10));
        String pending = requested(T0.plusSeconds(20));
        projection.on(new AudienceExportFailed(failed, ws, executionId, "mail", "store down", T0.plusSeconds(1)), 1);
        projection.on(new AudienceExportCompleted(completed, ws, executionId, "mail", "a-7", 40, T0.plusSeconds(11)),
                1);

        // when
        ResultActions answer = http.perform(get(componentPath("mail")));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains(pending, completed, failed)))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].name").value("Bounced"))
                .andExpect(jsonPath("$[0].results", contains("FAILED", "SKIPPED")))
                .andExpect(jsonPath("$[0].requestedAt").value(T0.plusSeconds(20).toString()))
                .andExpect(jsonPath("$[0].audienceId").doesNotExist())
                .andExpect(jsonPath("$[0].size").doesNotExist())
                .andExpect(jsonPath("$[0].reason").doesNotExist())
                .andExpect(jsonPath("$[0].endedAt").doesNotExist())
                .andExpect(jsonPath("$[1].status").value("COMPLETED"))
                .andExpect(jsonPath("$[1].audienceId").value("a-7"))
                .andExpect(jsonPath("$[1].size").value(40))
                .andExpect(jsonPath("$[1].endedAt").value(T0.plusSeconds(11).toString()))
                .andExpect(jsonPath("$[2].status").value("FAILED"))
                .andExpect(jsonPath("$[2].reason").value("store down"))
                .andExpect(jsonPath("$[2].size").doesNotExist());
    }

    @Test
    void listsNoOperationsForAComponentWithoutRequests() throws Exception {
        // given
        requested(T0);

        // when
        ResultActions otherComponent = http.perform(get(componentPath("hook")));
        ResultActions otherWorkspace = http.perform(get("/api/v1/workspaces/" + newWorkspace() + "/executions/"
                + executionId + "/components/mail/audiences"));

        // then
        otherComponent.andExpect(status().isOk())
                .andExpect(content().json("[]"));
        otherWorkspace.andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void readsOneOperation() throws Exception {
        // given
        String id = requested(T0);
        projection.on(new AudienceExportCompleted(id, ws, executionId, "mail", "a-9", 3, T0.plusSeconds(4)), 1);

        // when
        ResultActions answer = http.perform(get(workspacePath() + "/audience-operations/" + id));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.executionId").value(executionId))
                .andExpect(jsonPath("$.componentId").value("mail"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.audienceId").value("a-9"))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.requestedAt").value(T0.toString()))
                .andExpect(jsonPath("$.endedAt").value(T0.plusSeconds(4).toString()))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void waitsForTheOperationTheClientWasAnswered() throws Exception {
        // given
        String id = newId("op");
        CompletableFuture.runAsync(() -> projection.on(request(id, T0), 0),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // when
        ResultActions answer = http.perform(get(workspacePath() + "/audience-operations/" + id + "?minVersion=1"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
    }

    @Test
    void answersNotFoundForAnUnknownOperationOrOneOfAnotherWorkspace() throws Exception {
        // given
        String id = requested(T0);

        // when
        ResultActions unknown = http.perform(get(workspacePath() + "/audience-operations/nope"));
        ResultActions elsewhere = http.perform(get("/api/v1/workspaces/" + newWorkspace()
                + "/audience-operations/" + id));

        // then
        for (ResultActions answer : new ResultActions[] {unknown, elsewhere}) {
            answer.andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.status").value(404));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/workspaces/Not_Valid/audience-operations/op-1                      | ws",
            "/api/v1/workspaces/ws-1/audience-operations/bad%20id                        | id",
            "/api/v1/workspaces/ws-1/audience-operations/op-1?minVersion=0              | minVersion",
            "/api/v1/workspaces/ws-1/audience-operations/op-1?minVersion=two            | minVersion",
            "/api/v1/workspaces/ws-1/executions/bad%20id/components/mail/audiences      | executionId",
            "/api/v1/workspaces/ws-1/executions/e-1/components/bad%20id/audiences       | componentId",
            "/api/v1/workspaces/ws-1/executions/e-1/components/mail/audiences?limit=0   | limit",
            "/api/v1/workspaces/ws-1/executions/e-1/components/mail/audiences?limit=5000 | limit"})
    void refusesMalformedIdsAndParameters(String path, String field) throws Exception {
        // when
        ResultActions answer = http.perform(get(path));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void publishesTheOperationEndpointsAsOpenApi() throws Exception {
        // when
        ResultActions answer = http.perform(get("/v3/api-docs"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/audience-operations/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/executions/{executionId}/components/"
                        + "{componentId}/audiences'].get").exists());
    }

    private String requested(Instant at) {
        String id = newId("op");

        projection.on(request(id, at), 0);
        return id;
    }

    private AudienceExportRequested request(String id, Instant at) {
        return new AudienceExportRequested(id, ws, executionId, "mail", "Bounced",
                Set.of(UserResult.SKIPPED, UserResult.FAILED), at);
    }

    private String workspacePath() {
        return "/api/v1/workspaces/" + ws;
    }

    private String componentPath(String componentId) {
        return workspacePath() + "/executions/" + executionId + "/components/" + componentId + "/audiences";
    }
}
