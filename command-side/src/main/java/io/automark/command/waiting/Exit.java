package io.automark.command.waiting;

import io.automark.events.execution.UserResult;

/**
 * How a waiting user leaves the component it waits at.
 *
 * @param branch null for a component that does not branch
 */
public record Exit(UserResult result, String branch) {
}
