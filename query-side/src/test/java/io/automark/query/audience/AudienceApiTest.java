package io.automark.query.audience;

import io.automark.events.audience.AudienceImported;
import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.automark.query.support.Fixtures.T0;
import static io.automark.query.support.Fixtures.newId;
import static io.automark.query.support.Fixtures.newWorkspace;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class AudienceApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    AudienceProjection projection;

    final String ws = newWorkspace();
    final String id = newId("a");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "CSV_UPLOAD                          | -      | -",
            "JSON_UPLOAD                         | -      | -",
            "GENERATED:e-1/keep.these            | e-1    | keep.these",
            "EXPORT:3f2a-77/mail                 | 3f2a-77 | mail",
            "EXPORT:e-1/a/b                      | e-1    | a/b",
            "EXPORT:e-1                          | -      | -",
            "LEGACY:e-1/mail                     | -      | -"})
    void showsTheOriginAsItIsAndTheExecutionItNames(String origin, String executionId, String componentId)
            throws Exception {
        // given
        projection.on(new AudienceImported(id, ws, "Saved", 5, origin, T0));

        // when
        ResultActions one = http.perform(get("/api/v1/workspaces/" + ws + "/audiences/" + id));
        ResultActions list = http.perform(get("/api/v1/workspaces/" + ws + "/audiences"));

        // then
        one.andExpect(status().isOk())
                .andExpect(jsonPath("$.origin").value(origin))
                .andExpect(executionId == null ? jsonPath("$.sourceExecutionId").doesNotExist()
                        : jsonPath("$.sourceExecutionId").value(executionId))
                .andExpect(componentId == null ? jsonPath("$.sourceComponentId").doesNotExist()
                        : jsonPath("$.sourceComponentId").value(componentId));
        list.andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].origin").value(origin))
                .andExpect(jsonPath("$[0].size").value(5));
    }
}
