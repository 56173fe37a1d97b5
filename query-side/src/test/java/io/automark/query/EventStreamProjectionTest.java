package io.automark.query;

import io.automark.events.audience.AudienceExportCompleted;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.audience.AudienceImported;
import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignCreatedFromTemplate;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import io.automark.events.execution.UserResult;
import io.automark.events.group.GroupAdded;
import io.automark.events.group.GroupDeleted;
import io.automark.events.group.GroupMoved;
import io.automark.events.template.TemplateSaved;
import io.automark.query.execution.ExecutionQueries;
import io.automark.query.execution.users.ExecutionUserQueries;
import io.automark.query.execution.users.UserWindow;
import io.automark.query.support.QuerySideTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.outcomes;
import static io.automark.query.support.Fixtures.splitFlow;
import static io.automark.query.support.Fixtures.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events go through the event store, and the processing groups build the read models from the stream. */
@QuerySideTest
class EventStreamProjectionTest {

    static final Duration PROCESSING = Duration.ofSeconds(20);

    @Autowired
    EventStore events;

    @Autowired
    MockMvc http;

    @Autowired
    ExecutionQueries executions;

    @Autowired
    ExecutionUserQueries executionUsers;

    @Autowired
    MongoTemplate mongo;

    final String ws = newWorkspace();
    final String campaignId = newId("c");
    final String executionId = newId("e");

    @Test
    void buildsEveryReadModelFromTheStoredEvents() throws Exception {
        // given
        publishCampaignThatRanOneBatch();
        events.publish(new GenericDomainEventMessage<>("Audience", "a-" + ws, 0,
                new AudienceImported("a-" + ws, ws, "Newsletter", 12, "JSON_UPLOAD", T0), MetaData.emptyInstance()));

        // when
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                assertThat(executionUsers.usersAt(ws, executionId, "mail", UserWindow.parse("all"), null, 0, 10)
                        .total()).isEqualTo(3));
        ResultActions campaign = http.perform(get(campaignPath() + "?minVersion=2"));

        // then
        campaign.andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.publishedVersion").value(1))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.lastExecution.id").value(executionId));
        assertThat(executions.details(ws, executionId, 2L).batches()).isEqualTo(1);
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                http.perform(get("/api/v1/workspaces/" + ws + "/audiences"))
                        .andExpect(jsonPath("$[0].size").value(12)));
    }

    @Test
    void readsTheHistoryOfACampaignFromTheEventStore() throws Exception {
        // given
        publishCampaignThatRanOneBatch();

        // when
        ResultActions history = http.perform(get(campaignPath() + "/history"));
        ResultActions elsewhere = http.perform(get("/api/v1/workspaces/" + newWorkspace() + "/campaigns/"
                + campaignId + "/history"));

        // then
        history.andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].type").value("CampaignCreated"))
                .andExpect(jsonPath("$[0].sequence").value(0))
                .andExpect(jsonPath("$[0].actor").value("alice"))
                .andExpect(jsonPath("$[0].correlationId").value("corr-1"))
                .andExpect(jsonPath("$[0].payload.content.name").value("Stored"))
                .andExpect(jsonPath("$[1].type").value("CampaignPublished"))
                .andExpect(jsonPath("$[1].time").isNotEmpty());
        elsewhere.andExpect(status().isNotFound());
    }

    @Test
    void buildsTheGroupTreeAndTemplatesFromTheStoredEvents() throws Exception {
        // given
        MetaData byAlice = MetaData.with("actor", "alice");
        events.publish(
                treeEvent(0, new GroupAdded(ws, "a", "A", null, 0, T0)),
                treeEvent(1, new GroupAdded(ws, "b", "B", null, 0, T0)),
                treeEvent(2, new GroupAdded(ws, "a1", "A1", "a", 0, T0)),
                treeEvent(3, new GroupMoved(ws, "a1", "b", 0, T0)),
                treeEvent(4, new GroupDeleted(ws, "a", T0)),
                new GenericDomainEventMessage<>("Template", "t-" + ws, 0,
                        new TemplateSaved("t-" + ws, ws, "Welcome", splitFlow(), T0), byAlice),
                new GenericDomainEventMessage<>("Campaign", campaignId, 0,
                        new CampaignCreated(campaignId, ws, content("Filed", "a1", List.of()), T0), byAlice),
                new GenericDomainEventMessage<>("Campaign", campaignId, 1,
                        new CampaignCreatedFromTemplate(campaignId, ws, "t-" + ws, T0), byAlice));

        // when
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                http.perform(get("/api/v1/workspaces/" + ws + "/groups"))
                        .andExpect(jsonPath("$.length()").value(2))
                        .andExpect(jsonPath("$[1].children[0].hasCampaigns").value(true)));
        ResultActions groups = http.perform(get("/api/v1/workspaces/" + ws + "/groups"));
        ResultActions campaign = http.perform(get(campaignPath() + "?minVersion=2"));

        // then
        groups.andExpect(jsonPath("$[1].id").value("b"))
                .andExpect(jsonPath("$[1].position").value(0))
                .andExpect(jsonPath("$[1].children[0].id").value("a1"))
                .andExpect(jsonPath("$[1].children[0].parentId").value("b"));
        campaign.andExpect(jsonPath("$.templateId").value("t-" + ws));
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() ->
                http.perform(get("/api/v1/workspaces/" + ws + "/templates/t-" + ws))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.name").value("Welcome")));
    }

    @Test
    void buildsReExecutionsAndAudienceOperationsFromTheStoredEvents() throws Exception {
        // given
        String rerun = newId("e");
        String operationId = newId("op");
        MetaData byAlice = MetaData.with("actor", "alice");
        publishCampaignThatRanOneBatch();
        events.publish(
                new GenericDomainEventMessage<>("Execution", executionId, 2, new ExecutionFinished(executionId,
                        campaignId, ws, ExecutionStatus.ABNORMAL_END, "worker lost", T0.plusSeconds(2)), byAlice),
                new GenericDomainEventMessage<>("Execution", executionId, 3,
                        new ExecutionReExecuted(executionId, campaignId, ws, rerun, T0.plusSeconds(3)), byAlice),
                new GenericDomainEventMessage<>("Execution", rerun, 0,
                        new ExecutionStarted(rerun, campaignId, ws, 1, splitFlow(), T0.plusSeconds(3)), byAlice),
                new GenericDomainEventMessage<>("AudienceExport", operationId, 0, new AudienceExportRequested(
                        operationId, ws, executionId, "mail", "Reached", Set.of(UserResult.SUCCESS),
                        T0.plusSeconds(4)), byAlice),
                new GenericDomainEventMessage<>("AudienceExport", operationId, 1, new AudienceExportCompleted(
                        operationId, ws, executionId, "mail", "a-" + operationId, 3, T0.plusSeconds(5)), byAlice));

        // when
        await().atMost(PROCESSING).ignoreExceptions().untilAsserted(() -> {
            http.perform(get("/api/v1/workspaces/" + ws + "/audience-operations/" + operationId))
                    .andExpect(jsonPath("$.status").value("COMPLETED"));
            assertThat(executions.details(ws, executionId, null).reExecutedAs()).isEqualTo(rerun);
            assertThat(executions.details(ws, rerun, null).reExecutionOf()).isEqualTo(executionId);
        });
        ResultActions old = http.perform(get("/api/v1/workspaces/" + ws + "/executions/" + executionId
                + "?minVersion=4"));
        ResultActions started = http.perform(get("/api/v1/workspaces/" + ws + "/executions/" + rerun
                + "?minVersion=1"));
        ResultActions runs = http.perform(get(campaignPath() + "/executions"));

        // then
        old.andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ABNORMAL_END"))
                .andExpect(jsonPath("$.reExecutedAs").value(rerun));
        started.andExpect(status().isOk())
                .andExpect(jsonPath("$.reExecutionOf").value(executionId))
                .andExpect(jsonPath("$.reExecutedAs").doesNotExist());
        runs.andExpect(jsonPath("$[*].id", contains(rerun, executionId)));
    }

    /** An event of the workspace's one group tree, the aggregate the command side keeps them on. */
    private GenericDomainEventMessage<Object> treeEvent(long sequence, Object event) {
        return new GenericDomainEventMessage<>("GroupTree", "groups-" + ws, sequence, event,
                MetaData.with("actor", "alice"));
    }

    private void publishCampaignThatRanOneBatch() {
        MetaData byAlice = MetaData.with("actor", "alice").and("correlationId", "corr-1");
        ExecutionBatchRecorded batch = new ExecutionBatchRecorded(executionId, campaignId, ws, 0, List.of(
                outcomes("audience", ComponentType.TARGET_AUDIENCE, users("u", 3), UserResult.PASSED, null),
                outcomes("mail", ComponentType.EMAIL, users("u", 3), UserResult.SUCCESS, null)), Instant.now());

        events.publish(
                new GenericDomainEventMessage<>("Campaign", campaignId, 0,
                        new CampaignCreated(campaignId, ws, content("Stored"), T0), byAlice),
                new GenericDomainEventMessage<>("Campaign", campaignId, 1, new CampaignPublished(campaignId, ws, 1,
                        CampaignStatus.IN_PROGRESS, executionId, T0.plusSeconds(1)), byAlice),
                new GenericDomainEventMessage<>("Execution", executionId, 0,
                        new ExecutionStarted(executionId, campaignId, ws, 1, splitFlow(), T0), byAlice),
                new GenericDomainEventMessage<>("Execution", executionId, 1, batch, byAlice));
    }

    private String campaignPath() {
        return "/api/v1/workspaces/" + ws + "/campaigns/" + campaignId;
    }
}
