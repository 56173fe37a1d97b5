package io.automark.command.behavior;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Takes behaviour events and lets their users into the running executions whose entry they match. Matching users
 * are queued in the inbox in batches; the re-entry rule is applied when a worker runs the batch. Then the events go
 * to whoever else listens (users waiting for an event), before the intake answers.
 */
@Service
public class BehaviorIntake {

    private static final Logger log = LoggerFactory.getLogger(BehaviorIntake.class);
    private static final int BATCH = 1000;

    private final EntryTriggers triggers;
    private final BehaviorInbox inbox;
    private final Clock clock;
    private final ApplicationEventPublisher listeners;

    public BehaviorIntake(EntryTriggers triggers, BehaviorInbox inbox, Clock clock,
                          ApplicationEventPublisher listeners) {
        this.triggers = triggers;
        this.inbox = inbox;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** Answers how many entries were queued over all executions. */
    public int accept(String workspaceId, List<BehaviorEvent> events) {
        Map<String, List<BehaviorEvent>> byType = events.stream()
                .collect(Collectors.groupingBy(BehaviorEvent::type, LinkedHashMap::new, Collectors.toList()));
        int queued = 0;
        for (Map.Entry<String, List<BehaviorEvent>> ofType : byType.entrySet()) {
            for (EntryTrigger trigger : triggers.of(workspaceId, ofType.getKey())) {
                queued += queue(trigger, ofType.getValue());
            }
        }
        listeners.publishEvent(new BehaviorEventsAccepted(workspaceId, events));
        return queued;
    }

    private int queue(EntryTrigger trigger, List<BehaviorEvent> events) {
        Map<String, EntryMember> admitted = new LinkedHashMap<>();
        for (BehaviorEvent event : events) {
            Map<String, String> properties = asText(event.properties());
            if (trigger.admits(event, properties)) {
                admitted.putIfAbsent(event.userId(), new EntryMember(event.userId(), properties));
            }
        }
        List<EntryMember> members = new ArrayList<>(admitted.values());
        for (int from = 0; from < members.size(); from += BATCH) {
            long batch = triggers.nextBatch(trigger.executionId());
            inbox.enqueue(trigger, batch, members.subList(from, Math.min(from + BATCH, members.size())),
                    clock.instant());
        }
        if (!members.isEmpty()) {
            log.debug("Queued {} entries for execution [{}] of campaign [{}]", members.size(),
                    trigger.executionId(), trigger.campaignId());
        }
        return members.size();
    }

    private static Map<String, String> asText(Map<String, Object> properties) {
        Map<String, String> text = new HashMap<>();
        properties.forEach((key, value) -> text.put(key, String.valueOf(value)));
        return text;
    }
}
