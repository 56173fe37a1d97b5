package io.automark.query.group;

import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignPublished;
import io.automark.events.campaign.CampaignStatus;
import io.automark.events.group.GroupAdded;
import io.automark.query.campaign.CampaignProjection;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class GroupApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    GroupProjection groups;

    @Autowired
    CampaignProjection campaigns;

    final String ws = newWorkspace();

    /** Sales > Spring > Mail and News; a draft in Mail, a running campaign in Sales, one in no group. */
    @BeforeEach
    void givenATreeWithCampaigns() {
        groups.on(new GroupAdded(ws, "sales", "Sales", null, 0, T0), 0);
        groups.on(new GroupAdded(ws, "spring", "Spring", "sales", 0, T0), 1);
        groups.on(new GroupAdded(ws, "mail", "Mailings", "spring", 0, T0), 2);
        groups.on(new GroupAdded(ws, "news", "News", null, 0, T0), 3);
        campaigns.on(new CampaignCreated(ws + "-1", ws, content("Mail draft", "mail", List.of()), T0), 0, "alice");
        campaigns.on(new CampaignCreated(ws + "-2", ws, content("Sales run", "sales", List.of()), T0), 0, "alice");
        campaigns.on(new CampaignPublished(ws + "-2", ws, 1, CampaignStatus.IN_PROGRESS, null, T0), 1, "alice");
        campaigns.on(new CampaignCreated(ws + "-3", ws, content("Loose", null, List.of()), T0), 0, "alice");
    }

    @Test
    void answersTheTreeWithUngroupedFirstAndSiblingsByPosition() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/groups"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains("ungrouped", "news", "sales")))
                .andExpect(jsonPath("$[0].name").value("Ungrouped"))
                .andExpect(jsonPath("$[0].position").value(-1))
                .andExpect(jsonPath("$[0].hasCampaigns").value(true))
                .andExpect(jsonPath("$[0].children").isEmpty())
                .andExpect(jsonPath("$[1].position").value(0))
                .andExpect(jsonPath("$[1].hasCampaigns").value(false))
                .andExpect(jsonPath("$[2].position").value(1))
                .andExpect(jsonPath("$[2].hasCampaigns").value(true))
                .andExpect(jsonPath("$[2].parentId").doesNotExist())
                .andExpect(jsonPath("$[2].children[0].id").value("spring"))
                .andExpect(jsonPath("$[2].children[0].parentId").value("sales"))
                .andExpect(jsonPath("$[2].children[0].hasCampaigns").value(false))
                .andExpect(jsonPath("$[2].children[0].children[0].name").value("Mailings"))
                .andExpect(jsonPath("$[2].children[0].children[0].hasCampaigns").value(true));
    }

    @Test
    void searchesGroupNamesAndKeepsTheirAncestors() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/groups?q=MAIL"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("sales"))
                .andExpect(jsonPath("$[0].position").value(1))
                .andExpect(jsonPath("$[0].children[0].children[*].id", contains("mail")));
    }

    @Test
    void listsAndCountsTheCampaignsOfAGroupWithItsSubGroups() throws Exception {
        // when
        ResultActions list = http.perform(get(workspacePath() + "/campaigns?groupId=sales&sort=name"));
        ResultActions drafts = http.perform(get(workspacePath() + "/campaigns?groupId=sales&status=DRAFT"));
        ResultActions counts = http.perform(get(workspacePath() + "/campaigns/status-counts?groupId=sales"));

        // then
        list.andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", contains("Mail draft", "Sales run")))
                .andExpect(jsonPath("$.items[0].groupId").value("mail"))
                .andExpect(jsonPath("$.total").value(2));
        drafts.andExpect(jsonPath("$.items[*].name", contains("Mail draft")));
        counts.andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.DRAFT").value(1))
                .andExpect(jsonPath("$.IN_PROGRESS").value(1))
                .andExpect(jsonPath("$.FINISHED").value(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/workspaces/WS_1/groups                               | ws",
            "/api/v1/workspaces/ws-1/campaigns?groupId=bad%20id            | groupId",
            "/api/v1/workspaces/ws-1/campaigns/status-counts?groupId=a%2Fb | groupId",
            "/api/v1/workspaces/ws-1/campaigns?sort=status,upwards         | sort"})
    void refusesInvalidParametersAsValidationFailures(String path, String field) throws Exception {
        // when
        ResultActions answer = http.perform(get(path));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    void refusesASearchLongerThan200Characters() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/groups").param("q", "q".repeat(201)));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    private String workspacePath() {
        return "/api/v1/workspaces/" + ws;
    }
}
