package io.automark.command.channel;

import io.automark.events.campaign.ComponentType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The channels' configuration keys as the README gives them, bound the way Spring Boot binds them. */
class ChannelPropertiesTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void bindsDeploymentProvidersByTypeInEitherSpelling() {
        ProviderProperties providers = bind("automark.providers", ProviderProperties.class, Map.of(
                "automark.providers.defaults.text-sms.url", "https://sms.example.test/send",
                "automark.providers.defaults.text-sms.headers.[X-Api-Key]", "key",
                "automark.providers.defaults.text-sms.body-template", "{\"to\": \"{{address}}\"}",
                "automark.providers.defaults.APP_PUSH.url", "https://push.example.test/send",
                "automark.providers.defaults.APP_PUSH.timeout", "2s",
                "automark.providers.retry.max-attempts", "5"));

        assertThat(providers.defaults()).containsOnlyKeys(ComponentType.TEXT_SMS, ComponentType.APP_PUSH);
        assertThat(providers.defaults().get(ComponentType.TEXT_SMS).headers()).containsEntry("X-Api-Key", "key");
        assertThat(providers.defaults().get(ComponentType.TEXT_SMS).bodyTemplate()).contains("{{address}}");
        assertThat(providers.defaults().get(ComponentType.APP_PUSH).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(providers.retry().maxAttempts()).isEqualTo(5);
        assertThat(providers.retry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(providers.defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(providers.toString()).doesNotContain("key,").doesNotContain("=key");
    }

    @Test
    void bindsWebhookRetriesAndSecretsWithoutShowingThem() {
        WebhookProperties webhook = bind("automark.webhook", WebhookProperties.class, Map.of(
                "automark.webhook.retry.max-attempts", "4",
                "automark.webhook.retry.initial-backoff", "50ms",
                "automark.webhook.secrets.partner-a", "very-secret"));

        assertThat(webhook.retry().maxAttempts()).isEqualTo(4);
        assertThat(webhook.retry().initialBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(webhook.secrets()).containsEntry("partner-a", "very-secret");
        assertThat(webhook.maxConcurrency()).isEqualTo(64);
        assertThat(webhook.toString()).contains("partner-a").doesNotContain("very-secret");
    }

    @Test
    void leavesKafkaOffUntilBootstrapServersAreGiven() {
        KafkaChannelProperties none = bind("automark.kafka", KafkaChannelProperties.class, Map.of());
        KafkaChannelProperties some = bind("automark.kafka", KafkaChannelProperties.class, Map.of(
                "automark.kafka.bootstrap-servers", "broker-1:9092",
                "automark.kafka.producer.properties.[security.protocol]", "SASL_SSL"));

        assertThat(none.configured()).isFalse();
        assertThat(none.producer().deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(some.configured()).isTrue();
        assertThat(some.producer().properties()).containsEntry("security.protocol", "SASL_SSL");
    }
}
