package io.automark.command.abtest;

import io.automark.command.abtest.AbTestCommands.DecideAbTest;
import io.automark.command.abtest.AbTestCommands.RecordAbTestGoals;
import io.automark.command.behavior.BehaviorEventsAccepted;
import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts AB test goals as behaviour events come in, and sets each test's winner when its window closes. Every
 * instance does both; the store decides which instance marks a goal, and the execution records each user's goal
 * and each test's winner once.
 */
@Component
public class AbTestGoals {

    private static final Logger log = LoggerFactory.getLogger(AbTestGoals.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final GoalWatches watches;
    private final CommandGateway commands;
    private final Clock clock;

    AbTestGoals(GoalWatches watches, CommandGateway commands, Clock clock) {
        this.watches = watches;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener
    void on(BehaviorEventsAccepted accepted) {
        List<GoalEvent> events = accepted.events().stream()
                .map(event -> new GoalEvent(event.userId(), event.type(), event.occurredAt()))
                .toList();
        record(watches.achieve(accepted.workspaceId(), events, clock.instant()));
    }

    /** Records goals an earlier attempt marked but did not record, then decides the tests whose window closed. */
    public void tick(Instant now) {
        record(watches.unrecorded(now.minus(RETRY_AFTER)));
        for (Document test : watches.closed(now)) {
            decide(test, now);
        }
    }

    private void record(List<Document> achieved) {
        Map<List<String>, List<Document>> byTest = new LinkedHashMap<>();
        achieved.forEach(watch -> byTest.computeIfAbsent(List.of(watch.getString("executionId"),
                watch.getString("componentId")), key -> new ArrayList<>()).add(watch));

        byTest.forEach((test, watchesOfTest) -> {
            List<GoalAchievement> goals = watchesOfTest.stream()
                    .map(watch -> new GoalAchievement(watch.getString("userId"), watch.getString("group")))
                    .toList();
            try {
                commands.sendAndWait(new RecordAbTestGoals(test.get(0), test.get(1), goals, clock.instant()));
                watches.markRecorded(watchesOfTest.stream().map(watch -> watch.get("_id")).toList());
            } catch (RuntimeException e) {
                log.warn("Goals of AB test [{}] in execution [{}] not recorded yet; retried in {}", test.get(1),
                        test.get(0), RETRY_AFTER, e);
            }
        });
    }

    private void decide(Document test, Instant now) {
        String testId = test.getString("_id");
        if (watches.hasUnrecorded(testId)) {
            // Goals reached inside the window but not recorded yet would be missing from the decision.
            return;
        }
        String executionId = test.getString("executionId");
        String componentId = test.getString("componentId");
        commands.sendAndWait(new DecideAbTest(executionId, componentId, now));
        watches.markDecided(testId);
        log.info("AB test [{}] of execution [{}] in campaign [{}] closed; its winner is set", componentId,
                executionId, test.getString("campaignId"));
    }
}
