package io.automark.query;

import io.automark.events.audience.AudienceImported;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserResult;
import io.automark.query.audience.AudienceProjection;
import io.automark.query.campaign.CampaignProjection;
import io.automark.query.campaign.CampaignVersionProjection;
import io.automark.query.execution.ExecutionProjection;
import io.automark.query.execution.users.ExecutionUserProjection;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.outcomes;
import static io.automark.query.support.Fixtures.splitFlow;
import static io.automark.query.support.Fixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class QueryApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    CampaignProjection campaigns;

    @Autowired
    CampaignVersionProjection versions;

    @Autowired
    ExecutionProjection executions;

    @Autowired
    ExecutionUserProjection executionUsers;

    @Autowired
    AudienceProjection audiences;

    final String ws = newWorkspace();
    final String campaignId = newId("c");
    final String executionId = newId("e");

    @BeforeEach
    void givenACampaignThatRanOneBatch() {
        CampaignCreated created = new CampaignCreated(campaignId, ws, content("Spring reactivation"), T0);
        ExecutionStarted started = new ExecutionStarted(executionId, campaignId, ws, 1, splitFlow(), T0);
        campaigns.on(created, 0, "alice");
        versions.on(created, "alice");
        campaigns.on(started);
        executions.on(started, 0);
        ExecutionBatchRecorded batch = new ExecutionBatchRecorded(executionId, campaignId, ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, users("u", 3), UserResult.PASSED, null),
                outcomes("split", ComponentType.RANDOM_GROUPING, users("u", 3), UserResult.PASSED, "A"),
                outcomes("mail", ComponentType.EMAIL, users("u", 3), UserResult.FAILED, null)), Instant.now());
        executions.on(batch, 1);
        executionUsers.on(batch);
    }

    @Test
    void answersACampaignWithItsFlowAndLastExecution() throws Exception {
        // when
        ResultActions answer = http.perform(get(campaignPath()));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(campaignId))
                .andExpect(jsonPath("$.name").value("Spring reactivation"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.createdAt").value(T0.toString()))
                .andExpect(jsonPath("$.flow.components.length()").value(4))
                .andExpect(jsonPath("$.flow.components[0].config['x.y']").value(1))
                .andExpect(jsonPath("$.lastExecution.id").value(executionId));
    }

    @Test
    void listsCampaignsWithPagingFields() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/campaigns?status=DRAFT&q=spring&sort=name,desc"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(campaignId))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20));
    }

    @Test
    void countsStatusesUnderTheirContractNames() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/campaigns/status-counts?groupId=ungrouped"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.DRAFT").value(1))
                .andExpect(jsonPath("$.IN_PROGRESS").value(0));
    }

    @Test
    void waitsForTheVersionTheClientAskedFor() throws Exception {
        // given
        CompletableFuture.runAsync(() -> campaigns.on(new CampaignPublished(campaignId, ws, 1,
                CampaignStatus.IN_PROGRESS, null, T0), 1, "alice"),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // when
        ResultActions answer = http.perform(get(campaignPath() + "?minVersion=2"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    @Test
    void answersTheCampaignAsItStandsWhenTheWaitTimesOut() throws Exception {
        // given
        long start = System.nanoTime();

        // when
        ResultActions answer = http.perform(get(campaignPath() + "?minVersion=9"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void leavesOutFiguresThatDoNotApplyToAComponent() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/executions/" + executionId));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.components[0].componentId").value("mail"))
                .andExpect(jsonPath("$.components[0].entered").value(3))
                .andExpect(jsonPath("$.components[0].sent").value(3))
                .andExpect(jsonPath("$.components[0].failed").value(3))
                .andExpect(jsonPath("$.components[0].stopped").value(0))
                .andExpect(jsonPath("$.components[0].passed").doesNotExist())
                .andExpect(jsonPath("$.components[0].winningGroup").doesNotExist())
                .andExpect(jsonPath("$.components[1].passed").value(3))
                .andExpect(jsonPath("$.components[1].sent").doesNotExist())
                .andExpect(jsonPath("$.components[1].stopped").doesNotExist())
                .andExpect(jsonPath("$.components[2].branches.A").value(3))
                .andExpect(jsonPath("$.components[3].entered").value(0));
    }

    @Test
    void listsACampaignsExecutionsAndTheUsersOfAComponent() throws Exception {
        // when
        ResultActions runs = http.perform(get(campaignPath() + "/executions?status=IN_PROGRESS"));
        ResultActions failed = http.perform(get(workspacePath() + "/executions/" + executionId
                + "/components/mail/users?window=5m&result=FAILED&size=2"));
        ResultActions route = http.perform(get(workspacePath() + "/executions/" + executionId + "/users/u001/route"));

        // then
        runs.andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(executionId));
        failed.andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].userId").value("u000"))
                .andExpect(jsonPath("$.items[0].reason").value("bounced"));
        route.andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[*].componentId", contains("audience", "split", "mail")));
    }

    @Test
    void answersAudiencesAndNoGroupForASearchThatMatchesNone() throws Exception {
        // given
        audiences.on(new AudienceImported("a-" + ws, ws, "Newsletter", 1200, "CSV_UPLOAD", T0));

        // when
        ResultActions list = http.perform(get(workspacePath() + "/audiences"));
        ResultActions one = http.perform(get(workspacePath() + "/audiences/a-" + ws));
        ResultActions groups = http.perform(get(workspacePath() + "/groups?q=x"));

        // then
        list.andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Newsletter"));
        one.andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(1200))
                .andExpect(jsonPath("$.origin").value("CSV_UPLOAD"));
        groups.andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @ParameterizedTest
    @CsvSource({
            "/campaigns/nope",
            "/campaigns/nope/versions",
            "/campaigns/nope/executions",
            "/campaigns/nope/history",
            "/executions/nope",
            "/executions/nope/users/u1/route",
            "/audiences/nope"})
    void answersNotFoundForUnknownIds(String path) throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + path));

        // then
        answer.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void answersNotFoundForAnUnknownVersionOrComponent() throws Exception {
        // when
        ResultActions version = http.perform(get(campaignPath() + "/versions/7"));
        ResultActions component = http.perform(get(workspacePath() + "/executions/" + executionId
                + "/components/nope/users"));

        // then
        version.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        component.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/workspaces/Not_Valid/campaigns                  | ws",
            "/api/v1/workspaces/ws-1/campaigns?status=RUNNING         | status",
            "/api/v1/workspaces/ws-1/campaigns?endState=MAYBE         | endState",
            "/api/v1/workspaces/ws-1/campaigns?page=-1                | page",
            "/api/v1/workspaces/ws-1/campaigns?size=0                 | size",
            "/api/v1/workspaces/ws-1/campaigns?size=5000              | size",
            "/api/v1/workspaces/ws-1/campaigns?page=two               | page",
            "/api/v1/workspaces/ws-1/campaigns?sort=budget            | sort",
            "/api/v1/workspaces/ws-1/campaigns/c-1?minVersion=0       | minVersion",
            "/api/v1/workspaces/ws-1/campaigns/c-1/versions/x         | version",
            "/api/v1/workspaces/ws-1/campaigns/bad%20id               | id",
            "/api/v1/workspaces/ws-1/campaigns/c-1/executions?status=DONE | status",
            "/api/v1/workspaces/ws-1/executions/e-1/components/c/users?window=7x | window",
            "/api/v1/workspaces/ws-1/executions/e-1/components/c/users?result=MAYBE | result",
            "/api/v1/workspaces/ws-1/executions/e-1/components/c/users?size=501 | size"})
    void refusesInvalidParametersAsValidationFailures(String path, String field) throws Exception {
        // when
        ResultActions answer = http.perform(get(path));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void publishesTheApiAsOpenApi() throws Exception {
        // when
        ResultActions answer = http.perform(get("/v3/api-docs"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/campaigns']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/executions/{executionId}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/groups']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/templates/{id}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/workspaces/{ws}/preferences/columns'].put").exists());
    }

    @Test
    void reportsTheStoreHealthyWithAPing() throws Exception {
        // when
        ResultActions answer = http.perform(get("/actuator/health"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.queryStore.status").value("UP"));
    }

    private String workspacePath() {
        return "/api/v1/workspaces/" + ws;
    }

    private String campaignPath() {
        return workspacePath() + "/campaigns/" + campaignId;
    }
}
