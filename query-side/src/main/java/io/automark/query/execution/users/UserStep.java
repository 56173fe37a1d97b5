package io.automark.query.execution.users;

import io.automark.events.execution.UserResult;

import java.time.Instant;

/**
 * What one component did with one user.
 *
 * @param branch the branch the user left by; null when the component does not branch
 * @param reason why a send failed or was skipped; null otherwise
 * @param at     when the batch holding this outcome was recorded
 * @param batch  the number of that batch
 */
public record UserStep(String componentId, UserResult result, String branch, String reason, Instant at, long batch) {
}
