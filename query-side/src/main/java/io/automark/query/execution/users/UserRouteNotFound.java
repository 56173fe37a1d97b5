package io.automark.query.execution.users;

import io.automark.query.web.NotFoundException;

/** The execution has no (unexpired) details of this user. */
public class UserRouteNotFound extends NotFoundException {

    public UserRouteNotFound(String executionId, String userId) {
        super("Execution " + executionId + " holds no details of user " + userId);
    }
}
