package io.automark.command.group;

import io.automark.command.common.NotFoundException;
import io.automark.command.group.GroupCommands.CheckGroupExists;
import io.automark.command.web.CommandSender;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Makes sure a campaign is filed only into a group that exists; null is Ungrouped and always exists. */
@Component
public class GroupCheck {

    private final CommandSender commands;

    public GroupCheck(CommandSender commands) {
        this.commands = commands;
    }

    public void requireExists(String workspaceId, String groupId, String actor) {
        if (groupId == null) {
            return;
        }
        try {
            commands.send(new CheckGroupExists(GroupTree.idOf(workspaceId), groupId), actor);
        } catch (AggregateNotFoundException e) {
            // The workspace has no group at all yet.
            throw new NotFoundException("group", groupId);
        }
    }
}
