package io.automark.command.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the WEBHOOK channel, under {@code automark.webhook}.
 *
 * @param defaultTimeout the time-out of a request whose component sets no {@code timeoutMs} (default 5s)
 * @param maxConcurrency requests of the channel in flight at once, across every batch that sends (default 64)
 * @param retry          retries after a 5xx answer or a connection error (default three attempts)
 * @param secrets        HMAC secrets by name; a component names one with {@code secretRef} and its requests carry
 *                       {@code X-Automark-Signature}. Secrets live in configuration only, never in a flow or an
 *                       event. Never null.
 */
@ConfigurationProperties("automark.webhook")
public record WebhookProperties(@DefaultValue("5s") Duration defaultTimeout,
                                @DefaultValue("64") int maxConcurrency,
                                @DefaultValue RetrySettings retry,
                                Map<String, String> secrets) {

    public WebhookProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /** Names the secrets, never their values. */
    @Override
    public String toString() {
        return "WebhookProperties[defaultTimeout=" + defaultTimeout + ", maxConcurrency=" + maxConcurrency
                + ", retry=" + retry + ", secrets=" + secrets.keySet() + "]";
    }
}
