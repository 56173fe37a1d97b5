package io.automark.ops.bench;

import io.automark.ops.webhook.WebhookReceiver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAloneTest {

    @Test
    void postsEveryRequestOnceToTheReceiver() {
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {

            ClientAlone.Result result = ClientAlone.run(receiver.url(), 2_500, 16);

            assertThat(result.succeeded()).isEqualTo(2_500);
            assertThat(receiver.received("client-alone")).isEqualTo(2_500);
            assertThat(receiver.distinct("client-alone")).isEqualTo(2_500);
            assertThat(result.perSecond()).isPositive();
        }
    }
}
