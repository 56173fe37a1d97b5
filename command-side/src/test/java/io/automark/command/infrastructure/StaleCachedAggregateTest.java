package io.automark.command.infrastructure;

import io.automark.command.CommandSideApplication;
import io.automark.command.support.EmbeddedStore;
import io.automark.command.support.Flows;
import io.automark.events.campaign.CampaignMoved;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate held in this instance's cache goes stale when another instance appends to it; the next command here
 * must still succeed, on a fresh load, and keep the stream's sequence whole.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(CommandSideApplication.PROFILE)
class StaleCachedAggregateTest {

    private static final String BASE = "/api/v1/workspaces/acme";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EventStore events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> EmbeddedStore.uri("stale-cache"));
        registry.add("automark.execution.workers", () -> 0);
    }

    @Test
    void commandOnAnAggregateAnotherInstanceChangedSucceedsOnAFreshLoad() {
        String id = (String) http.postForEntity(BASE + "/campaigns", Flows.hookCampaignBody("Welcome"), Map.class)
                .getBody()
                .get("id");
        long cachedSequence = events.lastSequenceNumberFor(id).orElseThrow();

        appendAsAnotherInstance(id, cachedSequence + 1);
        ResponseEntity<Map> edited = http.exchange(BASE + "/campaigns/" + id, HttpMethod.PUT,
                new HttpEntity<>(Flows.hookCampaignBody("Welcome again")), Map.class);

        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Long> sequences = events.readEvents(id).asStream()
                .map(event -> event.getSequenceNumber())
                .toList();
        assertThat(sequences).hasSize((int) cachedSequence + 3);
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    private void appendAsAnotherInstance(String campaignId, long sequence) {
        CampaignMoved moved = new CampaignMoved(campaignId, "acme", null, null, Instant.now());
        events.publish(new GenericDomainEventMessage<>("Campaign", campaignId, sequence, moved));
    }
}
