package io.automark.command.channel;

/**
 * How one send went.
 *
 * @param attempted false when the channel could not even try (no address, for one)
 * @param reason    why it failed; null on success
 * @param transport true when the failure lay in reaching the provider rather than in the recipient
 */
public record SendResult(boolean succeeded, boolean attempted, String reason, boolean transport) {

    public static SendResult success() {
        return new SendResult(true, true, null, false);
    }

    public static SendResult failed(String reason) {
        return new SendResult(false, true, reason, false);
    }

    public static SendResult unreachable(String reason) {
        return new SendResult(false, true, reason, true);
    }

    public static SendResult skipped(String reason) {
        return new SendResult(false, false, reason, false);
    }
}
