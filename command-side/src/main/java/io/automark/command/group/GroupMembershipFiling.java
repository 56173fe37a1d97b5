package io.automark.command.group;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Files a campaign in its group in the unit of work that creates, moves or deletes it, before that command answers,
 * so a client that files a campaign and then deletes the group is refused. The processing group is subscribing (see
 * application-command.yml). Should the process die between storing the event and this write, the tracking
 * {@link GroupMembershipKeeper} catches up from the event stream; both write the same value keyed by campaign.
 */
@Component
@ProcessingGroup(GroupMembershipFiling.GROUP)
class GroupMembershipFiling extends GroupMembershipKeeper {

    static final String GROUP = "command-group-filing";

    GroupMembershipFiling(GroupCampaigns campaigns) {
        super(campaigns);
    }
}
