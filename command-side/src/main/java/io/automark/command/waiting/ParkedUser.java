package io.automark.command.waiting;

import io.automark.command.audience.AudienceMember;
import io.automark.events.execution.UserResult;

import java.util.Map;

/**
 * A user who stopped at a component to wait, with what the flow needs to go on with the user later.
 *
 * @param earlier    the user's results at the components passed before, for a RESULT_JUDGMENT further down
 * @param audienceId the audience the user comes from, for a TAG further down; null for users let in by events
 * @param chunk      the audience chunk that holds the user; null with no audience
 */
public record ParkedUser(String componentId, AudienceMember member, Parking parking,
                         Map<String, UserResult> earlier, String audienceId, Long chunk) {
}
