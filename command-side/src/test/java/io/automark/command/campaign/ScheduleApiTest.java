package io.automark.command.campaign;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.Flows;
import io.automark.events.campaign.CampaignStarted;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaign schedules over HTTP with the production deadline manager: invalid recurrences are refused by field, a
 * scheduled start is kept in the store and fires.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class ScheduleApiTest {

    private static final String BASE = "/api/v1/workspaces/acme/campaigns";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private EventStore events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("schedule-api"));
        registry.add("automark.execution.workers", () -> 0);
    }

    private static Map<String, Object> campaign(Map<String, Object> schedule) {
        Map<String, Object> body = new HashMap<>(Flows.hookCampaignBody("Weekly digest"));
        body.put("schedule", schedule);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(ResponseEntity<Map> response) {
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        return errors.stream().map(error -> error.get("field")).toList();
    }

    @Test
    void refusesACronExpressionThatIsNotOneNamingItsField() {
        Map<String, Object> schedule = Map.of("recurrence", Map.of("cron", "0 0 9 * *", "timeZone", "Europe/Berlin"));

        ResponseEntity<Map> response = http.postForEntity(BASE, campaign(schedule), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(fieldsOf(response)).containsExactly("schedule.recurrence.cron");
    }

    @Test
    void refusesAnUnknownTimeZoneNamingItsField() {
        Map<String, Object> schedule = Map.of("recurrence", Map.of("cron", "0 0 9 * * MON", "timeZone", "Mars/Base"));

        ResponseEntity<Map> response = http.postForEntity(BASE, campaign(schedule), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldsOf(response)).containsExactly("schedule.recurrence.timeZone");
    }

    @Test
    void aCampaignPublishedBeforeItsStartTimeKeepsItsStartInTheDeadlineStore() {
        Instant startAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<Map> created = http.postForEntity(BASE, campaign(Map.of("startAt", startAt.toString())),
                Map.class);
        String id = (String) created.getBody().get("id");

        ResponseEntity<Map> published = http.postForEntity(BASE + "/" + id + "/publish", null, Map.class);

        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Document> starts = mongo.getCollection("jobrunr_jobs").find().into(new ArrayList<>()).stream()
                .filter(job -> job.getString("jobAsJson").contains(id))
                .toList();
        assertThat(starts).singleElement().satisfies(job -> {
            assertThat(job.getString("state")).isEqualTo("SCHEDULED");
            assertThat(job.getString("jobAsJson")).contains(CampaignDeadlines.START);
        });
    }

    @Test
    void theStartTimeStartsTheCampaignThroughTheDeadlineStore() {
        Instant startAt = Instant.now().plusSeconds(1);
        ResponseEntity<Map> created = http.postForEntity(BASE, campaign(Map.of("startAt", startAt.toString())),
                Map.class);
        String id = (String) created.getBody().get("id");

        http.postForEntity(BASE + "/" + id + "/publish", null, Map.class);

        // JobRunr reads due deadlines every 5 seconds at the fastest; this waits for its poll, not for the schedule.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events.readEvents(id).asStream()
                .map(event -> event.getPayload()))
                .anySatisfy(event -> assertThat(event).isInstanceOf(CampaignStarted.class)));
    }
}
