package io.automark.command.channel;

import io.automark.command.common.Problem;
import io.automark.events.campaign.ComponentType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How one channel type reaches its vendor: an HTTP endpoint taking a JSON body per user.
 *
 * @param type         one of {@link HttpProviderChannel#TYPES}
 * @param url          absolute http(s) URL
 * @param headers      sent with every request; may hold credentials, so they never enter an event, a log line or
 *                     an answer of the API (which names them only); names are HTTP tokens, none of the headers
 *                     the channel or the HTTP client set, values visible ASCII on one line
 * @param bodyTemplate the JSON body with placeholders, see {@link ProviderBody}
 * @param timeout      from 1 ms to 60 s
 * @param source       whether the workspace configured it or the deployment gives it to every workspace
 */
public record ProviderSettings(ComponentType type, String url, Map<String, String> headers, String bodyTemplate,
                               Duration timeout, Source source) {

    static final long MAX_TIMEOUT_MS = 60_000;
    static final int MAX_TEMPLATE_CHARS = 65_536;
    static final int MAX_HEADERS = 50;
    /** Servers refuse request heads of some kilobytes; one credential or tag never needs more. */
    static final int MAX_HEADER_VALUE = 4096;
    /** Headers the channel sets itself. */
    private static final Set<String> RESERVED = Set.of("content-type", "idempotency-key");
    /**
     * Headers the HTTP client writes itself or that steer the connection rather than the request: Apache HttpClient
     * refuses a request that already has a length or a transfer coding, a given Host would send the request to
     * another virtual host than the URL names, and the others would break the pooled, kept-alive connections.
     */
    private static final Set<String> CLIENT_MANAGED = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect");
    /** A header name is an RFC 9110 token. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    /** Visible US-ASCII, spaces and tabs: no line break can start another header, nothing is re-encoded. */
    private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

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
        Set<String> seen = new HashSet<>();
        headers.forEach((name, value) -> {
            String problem = problemOfHeader(name, value);
            if (problem == null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                problem = "names a header given already: header names do not tell capitals from small letters";
            }
            if (problem != null) {
                problems.add(new Problem("headers." + name, problem));
            }
        });
    }

    /** What keeps the header from being sent as given, never quoting its value; null when it can be. */
    private static String problemOfHeader(String name, String value) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            return "is not a header name: a name is letters, digits and !#$%&'*+-.^_`|~ only";
        }
        String lowerCase = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lowerCase)) {
            return "is set by the channel itself";
        }
        if (CLIENT_MANAGED.contains(lowerCase)) {
            return "is set by the HTTP client or governs the connection; it cannot be configured";
        }
        if (value == null) {
            return "needs a value";
        }
        if (value.length() > MAX_HEADER_VALUE) {
            return "must be at most " + MAX_HEADER_VALUE + " characters long";
        }
        if (!VALUE.matcher(value).matches() || value.isBlank()) {
            return "must be visible ASCII characters, spaces and tabs, on one line, and not only blanks";
        }
        return null;
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
