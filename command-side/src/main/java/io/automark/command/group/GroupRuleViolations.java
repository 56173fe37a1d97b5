package io.automark.command.group;

import io.automark.command.common.DomainException;
import io.automark.command.common.InvalidStateException;

/** The rules of the group tree; each is answered with 409 and its own code. */
public final class GroupRuleViolations {

    private GroupRuleViolations() {
    }

    public static class GroupNotEmpty extends DomainException {
        public GroupNotEmpty(String groupId, String what) {
            super("group " + groupId + " still holds " + what);
        }

        @Override
        public String code() {
            return "GROUP_NOT_EMPTY";
        }
    }

    public static class GroupDepthExceeded extends DomainException {
        public GroupDepthExceeded(int maxDepth) {
            super("groups nest at most " + maxDepth + " levels deep");
        }

        @Override
        public String code() {
            return "GROUP_DEPTH_EXCEEDED";
        }
    }

    public static class GroupMoveIntoItself extends InvalidStateException {
        public GroupMoveIntoItself(String groupId) {
            super("group " + groupId + " cannot move under itself or one of its sub-groups");
        }
    }
}
