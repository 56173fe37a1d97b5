package io.automark.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.automark.ops.demo.AutomarkClient;

import java.time.Duration;

/** The bounded waits the benchmarks share. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(100);

    private Waits() {
    }

    /**
     * The execution a publish started, once the campaign's read model shows it.
     *
     * @throws IllegalStateException when none shows within the timeout
     */
    static String executionId(AutomarkClient client, String campaignId, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();

        while (System.nanoTime() - deadline < 0) {
            JsonNode last = client.campaign(campaignId, version).path("lastExecution");
            if (last.hasNonNull("id")) {
                return last.path("id").asText();
            }
            Pause.of(POLL);
        }
        throw new IllegalStateException("campaign " + campaignId + " shows no execution " + timeout.toSeconds()
                + " s after its publish");
    }
}
