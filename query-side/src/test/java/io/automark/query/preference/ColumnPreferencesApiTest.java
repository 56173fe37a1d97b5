package io.automark.query.preference;

import io.automark.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.automark.query.support.Fixtures.newWorkspace;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@QuerySideTest
class ColumnPreferencesApiTest {

    @Autowired
    MockMvc http;

    final String ws = newWorkspace();

    @Test
    void answersNoColumnsBeforeTheUserChose() throws Exception {
        // when
        ResultActions answer = http.perform(get(columnsPath()).header("X-Actor", "alice"));

        // then
        answer.andExpect(status().isOk())
                .andExpect(jsonPath("$.columns").isEmpty())
                .andExpect(jsonPath("$.updatedAt").doesNotExist());
    }

    @Test
    void keepsEachUsersColumnsApart() throws Exception {
        // given
        http.perform(save("[\"name\", \"status\"]").header("X-Actor", "alice")).andExpect(status().isOk());
        http.perform(save("[\"updatedAt\"]")).andExpect(status().isOk());

        // when
        ResultActions alice = http.perform(get(columnsPath()).header("X-Actor", "alice"));
        ResultActions anonymous = http.perform(get(columnsPath()));
        ResultActions bob = http.perform(get(columnsPath()).header("X-Actor", "bob"));
        ResultActions aliceElsewhere = http.perform(get("/api/v1/workspaces/" + newWorkspace()
                + "/preferences/columns").header("X-Actor", "alice"));

        // then
        alice.andExpect(jsonPath("$.columns", contains("name", "status")))
                .andExpect(jsonPath("$.updatedAt").isNotEmpty());
        anonymous.andExpect(jsonPath("$.columns", contains("updatedAt")));
        bob.andExpect(jsonPath("$.columns").isEmpty());
        aliceElsewhere.andExpect(jsonPath("$.columns").isEmpty());
    }

    @Test
    void replacesTheEarlierChoice() throws Exception {
        // given
        http.perform(save("[\"name\", \"status\"]").header("X-Actor", "alice"));

        // when
        ResultActions saved = http.perform(save("[\"status\", \"createdBy\", \"name\"]").header("X-Actor", "alice"));

        // then
        saved.andExpect(status().isOk())
                .andExpect(jsonPath("$.columns", contains("status", "createdBy", "name")));
        http.perform(get(columnsPath()).header("X-Actor", "alice"))
                .andExpect(jsonPath("$.columns", contains("status", "createdBy", "name")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                  | columns",
            "{\"columns\": null}                 | columns",
            "{\"columns\": []}                   | columns",
            "{\"columns\": [\"bad name\"]}       | columns[0]",
            "{\"columns\": [\"name\", null]}     | columns[1]",
            "{\"columns\": [\"name\", \"name\"]} | columns",
            "{\"columns\": \"name\"}             | columns",
            "{\"columns\": [\"name\"], \"x\": 1} | x",
            "{\"columns\": [[\"name\"]]}         | columns[0]",
            "not json                            | body",
            "                                    | body"})
    void refusesAnInvalidChoiceAsAValidationFailure(String body, String field) throws Exception {
        // when
        ResultActions answer = http.perform(put(columnsPath())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void refusesTooManyColumnsAndAnOverlongUser() throws Exception {
        // given
        String tooMany = "[" + "\"c\",".repeat(ListColumns.MAX_COLUMNS) + "\"last\"]";

        // when
        ResultActions many = http.perform(save(tooMany));
        ResultActions longUser = http.perform(get(columnsPath()).header("X-Actor", "u".repeat(129)));

        // then
        many.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("columns"));
        longUser.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void refusesAnOversizedBodyWith413() throws Exception {
        // given
        String huge = "[\"" + "c".repeat(20_000) + "\"]";

        // when
        ResultActions answer = http.perform(save(huge));

        // then
        answer.andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void refusesAMalformedWorkspace() throws Exception {
        // when
        ResultActions answer = http.perform(put("/api/v1/workspaces/Not_Valid/preferences/columns")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"columns\": [\"name\"]}"));

        // then
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ws"));
    }

    private MockHttpServletRequestBuilder save(String columns) {
        return put(columnsPath())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"columns\": " + columns + "}");
    }

    private String columnsPath() {
        return "/api/v1/workspaces/" + ws + "/preferences/columns";
    }
}
