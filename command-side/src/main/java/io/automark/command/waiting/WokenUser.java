package io.automark.command.waiting;

import io.automark.command.audience.AudienceMember;
import io.automark.events.execution.UserResult;

import java.util.Map;

/** A user whose wait ended, as the flow goes on with it: how it leaves the component, and its earlier results. */
public record WokenUser(AudienceMember member, Exit exit, Map<String, UserResult> earlier) {
}
