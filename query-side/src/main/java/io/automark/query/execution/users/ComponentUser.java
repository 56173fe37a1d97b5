package io.automark.query.execution.users;

import io.automark.events.execution.UserResult;

import java.time.Instant;

/**
 * A user with their outcome at one component.
 *
 * @param reason why a send failed or was skipped; null otherwise
 * @param at     when the batch holding the outcome was recorded
 */
public record ComponentUser(String userId, UserResult result, String branch, String reason, Instant at) {
}
