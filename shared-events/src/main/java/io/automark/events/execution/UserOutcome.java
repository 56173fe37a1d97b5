package io.automark.events.execution;

/**
 * One user's outcome at one component.
 *
 * @param userId the pseudonymous user id, never a contact detail
 * @param result what happened
 * @param branch the branch the user left by; null when the component does not branch
 * @param reason why a send failed or was skipped; null otherwise
 */
public record UserOutcome(String userId, UserResult result, String branch, String reason) {
}
