package io.automark.command.channel;

import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Send batches for channel tests. */
final class Batches {

    static final String EXECUTION = "exec-1";
    static final String CAMPAIGN = "camp-1";
    static final String WORKSPACE = "acme";

    private Batches() {
    }

    static SendBatch of(ComponentType type, Map<String, Object> config, List<AudienceMember> users) {
        return new SendBatch(new BatchContext(EXECUTION, CAMPAIGN, WORKSPACE, "audience-1", 0),
                new FlowComponent("send", type, config), users);
    }

    static AudienceMember user(String id, Map<String, String> attributes) {
        return new AudienceMember(id, attributes, Set.of());
    }

    /** Users {@code u1} … {@code u<count>}, each with a phone number. */
    static List<AudienceMember> users(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> user("u" + n, Map.of("phone", "+4670000" + n)))
                .toList();
    }

    static String keyOf(String userId) {
        return EXECUTION + ":send:" + userId;
    }
}
