package io.automark.events.execution;

/**
 * What a component did with one user.
 *
 * <ul>
 *   <li>{@link #PASSED}: the user met the component's condition and flowed on (entries, control and actions).</li>
 *   <li>{@link #NOT_PASSED}: the user did not meet the condition; for a judgment it took the "no" branch.</li>
 *   <li>{@link #SUCCESS}: a channel accepted the send.</li>
 *   <li>{@link #FAILED}: a channel was called and the send failed.</li>
 *   <li>{@link #SKIPPED}: a channel could not be called for this user (no address, for one).</li>
 *   <li>{@link #STOPPED}: the execution was stopped before the component handled the user.</li>
 *   <li>{@link #WAITING}: the user waits at the component (a WAIT_UNTIL, a RESULT_JUDGMENT with a window); a
 *       later batch records the user's outcome there with {@link ComponentOutcomes#resumed()} set.</li>
 * </ul>
 */
public enum UserResult {
    PASSED, NOT_PASSED, SUCCESS, FAILED, SKIPPED, STOPPED, WAITING;

    /** Whether a channel was actually called for the user. */
    public boolean isSendAttempt() {
        return this == SUCCESS || this == FAILED;
    }
}
