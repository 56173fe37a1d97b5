package io.automark.query.execution.users;

import io.automark.query.web.InvalidQueryParameter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back a user list reaches: {@code all} (to date) or a span such as {@code 5m}, {@code 2h} or {@code 1d}.
 *
 * @param span null for {@code all}
 */
public record UserWindow(Duration span) {

    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

    public static UserWindow parse(String text) {
        if (text.equals("all")) {
            return new UserWindow(null);
        }
        Matcher matcher = SPAN.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidQueryParameter("window", "must be 'all' or a span such as 5m, 2h or 1d");
        }

        long amount = Long.parseLong(matcher.group(1));
        return new UserWindow(switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** The earliest moment inside the window; empty for {@code all}. */
    public Optional<Instant> since(Instant now) {
        return Optional.ofNullable(span).map(now::minus);
    }
}
