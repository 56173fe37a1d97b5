package io.automark.command.channel;

import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How one channel type reaches its vendor: an HTTP endpoint taking a JSON body per user.
 *
 * @param type         one of {@link HttpProviderChannel#TYPES}
 * @param url          absolute http(s) URL
 * @param headers      sent with every request; may hold credentials, so they never enter an event, a log line or
 *                     an answer of the API (which names them only)
 * @param bodyTemplate the JSON body with placeholders, see {@link ProviderBody}
 * @param timeout      from 1 ms to 60 s
 * @param source       whether the workspace configured it or the deployment gives it to every workspace
 */
public record ProviderSettings(ComponentType type, String url, Map<String, String> headers, String bodyTemplate,
                               Duration timeout, Source source) {

    static final long MAX_TIMEOUT_MS = 60_000;
    static final int MAX_TEMPLATE_CHARS = 65_536;
    static final int MAX_HEADERS = 50;
    /** Headers the channel sets itself. */
    private static final Set<String> RESERVED = Set.of("content-type", "idempotency-key");

    /** Where a provider's settings come from. */
    public enum Source { WORKSPACE, DEPLOYMENT }

    public ProviderSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Header names, sorted; the values stay inside the service. */
    public List<String> headerNames() {
        return List.copyOf(new TreeMap<>(headers).keySet());
    }

    /** Names the headers, never their values. */
    @Override
    public String toString() {
        return "ProviderSettings[type=" + type + ", url=" + url + ", headers=" + headerNames() + ", timeout="
                + timeout + ", source=" + source + "]";
    }

    /**
     * Lists what is wrong with the parts of a provider; empty when they make a valid one. Messages never quote a
     * header value.
     */
    static List<Problem> problemsOf(String url, Map<String, String> headers, String bodyTemplate, Long timeoutMs) {
        List<Problem> problems = new ArrayList<>();
        if (!isHttpUrl(url)) {
            problems.add(new Problem("url", "must be an absolute http or https URL"));
        }
        checkHeaders(headers, problems);
        if (bodyTemplate == null || bodyTemplate.isBlank()) {
            problems.add(new Problem("bodyTemplate", "must be a JSON document with placeholders"));
        } else if (bodyTemplate.length() > MAX_TEMPLATE_CHARS) {
            problems.add(new Problem("bodyTemplate", "must be at most " + MAX_TEMPLATE_CHARS + " characters"));
        } else {
            String problem = ProviderBody.problemOf(bodyTemplate);
            if (problem != null) {
                problems.add(new Problem("bodyTemplate", problem));
            }
        }
        if (timeoutMs == null || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
            problems.add(new Problem("timeoutMs", "must be a whole number of milliseconds from 1 to 60000"));
        }
        return problems;
    }

    private static void checkHeaders(Map<String, String> headers, List<Problem> problems) {
        if (headers == null) {
            return;
        }
        if (headers.size() > MAX_HEADERS) {
            problems.add(new Problem("headers", "at most " + MAX_HEADERS + " headers"));
            return;
        }
        headers.forEach((name, value) -> {
            String field = "headers." + name;
            if (name == null || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(field, "is set by the channel itself"));
            } else if (value == null) {
                problems.add(new Problem(field, "needs a value"));
            } else if (!isSendable(name, value)) {
                problems.add(new Problem(field, "is not a header an HTTP client may send (invalid or restricted)"));
            }
        });
    }

    private static boolean isSendable(String name, String value) {
        try {
            HttpRequest.newBuilder().header(name, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text is an absolute http or https URL with a host and, if any, a port from 1 to 65535. */
    public static boolean isHttpUrl(String url) {
        if (url == null || url.length() > 2048) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            boolean portOk = uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535;
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && portOk;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
