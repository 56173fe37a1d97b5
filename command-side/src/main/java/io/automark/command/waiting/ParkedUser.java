package io.automark.command.waiting;

import io.automark.command.audience.AudienceMember;
import io.automark.events.execution.UserResult;

import java.util.Map;

/**
 * A user who stopped at a component to wait, with what the flow needs to go on with the user later.
 *
 * @param earlier the user's results at the components passed before, for a RESULT_JUDGMENT further down
 */
public record ParkedUser(String componentId, AudienceMember member, Parking parking,
                         Map<String, UserResult> earlier) {
}
