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

    /**
     * The channel is not set up to send at all (no provider, no broker, a secret or URL it cannot use): nothing was
     * tried, so the user counts as not sent, and since it lies with the channel, not the user, the component fails
     * when it reached no one.
     */
    public static SendResult notSetUp(String reason) {
        return new SendResult(false, false, reason, true);
    }

    public static SendResult skipped(String reason) {
        return new SendResult(false, false, reason, false);
    }
}
