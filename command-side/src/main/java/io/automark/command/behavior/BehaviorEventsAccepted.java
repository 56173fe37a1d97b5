package io.automark.command.behavior;

import java.util.List;

/** Published in the intake's thread once events were taken, for what else waits on events (waiting users). */
public record BehaviorEventsAccepted(String workspaceId, List<BehaviorEvent> events) {
}
