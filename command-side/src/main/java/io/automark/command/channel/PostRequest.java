package io.automark.command.channel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One POST of an HTTP channel, as each attempt sends it again: the same body and headers, so a retry carries the
 * same idempotency key and signature.
 *
 * @param timeout how long the peer may keep the answer waiting
 * @param headers name and value pairs, in the order they are sent
 */
public record PostRequest(URI url, Duration timeout, List<Map.Entry<String, String>> headers, byte[] body) {

    public PostRequest {
        headers = List.copyOf(headers);
    }
}
