package io.automark.query.template;

import io.automark.events.campaign.CampaignCreated;
import io.automark.events.campaign.CampaignCreatedFromTemplate;
import io.automark.events.template.TemplateSaved;
import io.automark.query.campaign.CampaignProjection;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.content;
import static io.automark.query.support.Fixtures.newWorkspace;
import static io.automark.query.support.Fixtures.splitFlow;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class TemplateApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    TemplateProjection templates;

    @Autowired
    CampaignProjection campaigns;

    final String ws = newWorkspace();

    @Test
    void answersTemplatesWithTheirFlowsByName() throws Exception {
        // given
        templates.on(new TemplateSaved(ws + "-w", ws, "welcome series", splitFlow(), T0));
        templates.on(new TemplateSaved(ws + "-r", ws, "Reactivation", splitFlow(), T0.plusSeconds(1)));
        templates.on(new TemplateSaved(ws + "-o", newWorkspace(), "Elsewhere", splitFlow(), T0));

        // when
        ResultActions list = http.perform(get(workspacePath() + "/templates"));
        ResultActions one = http.perform(get(workspacePath() + "/templates/" + ws + "-r"));

        // then
        list.andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", contains("Reactivation", "welcome series")))
                .andExpect(jsonPath("$[1].flow.components.length()").value(4));
        one.andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ws + "-r"))
                .andExpect(jsonPath("$.name").value("Reactivation"))
                .andExpect(jsonPath("$.savedAt").value(T0.plusSeconds(1).toString()))
                .andExpect(jsonPath("$.flow.edges[1].branch").value("A"))
                .andExpect(jsonPath("$.flow.components[0].config['x.y']").value(1));
    }

    @Test
    void showsTheTemplateACampaignWasCreatedFrom() throws Exception {
        // given
        String campaignId = ws + "-c";
        campaigns.on(new CampaignCreated(campaignId, ws, content("From template"), T0), 0, "alice");
        campaigns.on(new CampaignCreatedFromTemplate(campaignId, ws, ws + "-t", T0), 1, "alice");

        // when
        ResultActions campaign = http.perform(get(workspacePath() + "/campaigns/" + campaignId + "?minVersion=2"));

        // then
        campaign.andExpect(status().isOk())
                .andExpect(jsonPath("$.templateId").value(ws + "-t"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.sortName").doesNotExist())
                .andExpect(jsonPath("$.statusOrder").doesNotExist());
    }

    @Test
    void answersNotFoundForAnUnknownTemplateOrOneOfAnotherWorkspace() throws Exception {
        // given
        String elsewhere = newWorkspace();
        templates.on(new TemplateSaved(elsewhere + "-t", elsewhere, "Theirs", splitFlow(), T0));

        // when
        ResultActions unknown = http.perform(get(workspacePath() + "/templates/nope"));
        ResultActions theirs = http.perform(get(workspacePath() + "/templates/" + elsewhere + "-t"));

        // then
        unknown.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        theirs.andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void refusesAMalformedTemplateId() throws Exception {
        // when
        ResultActions answer = http.perform(get(workspacePath() + "/templates/bad%20id"));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    private String workspacePath() {
        return "/api/v1/workspaces/" + ws;
    }
}
