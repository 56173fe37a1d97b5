package io.automark.command.waiting;

import io.automark.command.audience.AudienceMember;
import io.automark.events.execution.UserResult;

import java.util.Map;

/**
 * A user whose wait ended, as the flow goes on with it: how it leaves the component, its earlier results, and the
 * audience chunk it comes from (null for users let in by events).
 */
public record WokenUser(AudienceMember member, Exit exit, Map<String, UserResult> earlier, String audienceId,
                        Long chunk) {
}
