package io.automark.command.channel;

import io.automark.events.campaign.ComponentType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the HTTP JSON provider channel, under {@code automark.providers}.
 *
 * @param defaultTimeout the time-out of a provider that sets none (default 5s)
 * @param maxConcurrency requests of the channel in flight at once, across every batch that sends (default 64)
 * @param retry          retries after a 5xx answer or a connection error (default three attempts)
 * @param defaults       deployment-wide providers by channel type ({@code text-sms}, {@code app-push} …), used by
 *                       every workspace that configured none of its own; never null
 */
@ConfigurationProperties("automark.providers")
public record ProviderProperties(@DefaultValue("5s") Duration defaultTimeout,
                                 @DefaultValue("64") int maxConcurrency,
                                 @DefaultValue RetrySettings retry,
                                 Map<ComponentType, Default> defaults) {

    public ProviderProperties {
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    /** Three attempts, 5 s time-out, 64 requests at once, no deployment-wide provider. */
    public static ProviderProperties none() {
        return new ProviderProperties(Duration.ofSeconds(5), 64, RetrySettings.defaults(), Map.of());
    }

    /**
     * A deployment-wide provider of one type.
     *
     * @param url          absolute http(s) URL
     * @param headers      sent with every request; may hold credentials, so they are never logged; may be null
     * @param bodyTemplate the JSON body with {@code {{placeholders}}} (see {@link ProviderBody})
     * @param timeout      null for {@code default-timeout}
     */
    public record Default(String url, Map<String, String> headers, String bodyTemplate, Duration timeout) {

        public Default {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        /** Names the headers, never their values. */
        @Override
        public String toString() {
            return "Default[url=" + url + ", headers=" + headers.keySet() + ", timeout=" + timeout + "]";
        }
    }
}
