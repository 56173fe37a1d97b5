package io.automark.query.execution.users;

import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.UserResult;
import io.automark.query.execution.FieldKey;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link UserBatch} document of one recorded batch; the same event always builds the same document. */
final class UserBatchDocument {

    private UserBatchDocument() {
    }

    static Document of(ExecutionBatchRecorded event, Instant expireAt) {
        Set<String> users = new LinkedHashSet<>();
        Map<String, ComponentEntry> components = new LinkedHashMap<>();

        for (ComponentOutcomes outcomes : event.components()) {
            ComponentEntry component = components.computeIfAbsent(outcomes.componentId(), id -> new ComponentEntry());
            // The event comes grouped by outcome already: its groups are taken over, not rebuilt user by user.
            for (var group : outcomes.groups()) {
                users.addAll(group.userIds());
                component.add(new Outcome(group.result(), group.branch(), group.reason()), group.userIds());
            }
        }

        Document entries = new Document();
        components.forEach((componentId, component) -> entries.append(FieldKey.encode(componentId),
                component.toDocument()));
        return new Document(UserBatch.ID, UserBatch.idOf(event.executionId(), event.batchNumber()))
                .append(UserBatch.EXECUTION_ID, event.executionId())
                .append(UserBatch.WORKSPACE_ID, event.workspaceId())
                .append(UserBatch.CAMPAIGN_ID, event.campaignId())
                .append(UserBatch.BATCH, event.batchNumber())
                .append(UserBatch.AT, Date.from(event.recordedAt()))
                .append(UserBatch.EXPIRE_AT, Date.from(expireAt))
                .append(UserBatch.USERS, new ArrayList<>(users))
                .append(UserBatch.COMPONENTS, entries);
    }

    /** Whether the batch holds any user at all; an empty batch gets no document. */
    static boolean hasUsers(ExecutionBatchRecorded event) {
        return event.components().stream().anyMatch(outcomes -> outcomes.size() > 0);
    }

    /** One component's users of the batch, grouped by outcome, and how many have each result. */
    private static final class ComponentEntry {

        private final Map<Outcome, List<String>> groups = new LinkedHashMap<>();
        private final Map<UserResult, Integer> counts = new EnumMap<>(UserResult.class);

        void add(Outcome outcome, List<String> userIds) {
            groups.computeIfAbsent(outcome, key -> new ArrayList<>()).addAll(userIds);
            counts.merge(outcome.result(), userIds.size(), Integer::sum);
        }

        Document toDocument() {
            Document countsByResult = new Document();
            counts.forEach((result, count) -> countsByResult.append(result.name(), count));
            List<Document> groupDocuments = new ArrayList<>(groups.size());
            groups.forEach((outcome, users) -> groupDocuments.add(new OutcomeGroup(outcome.result(), outcome.branch(),
                    outcome.reason(), users, List.of()).toDocument()));

            return new Document(UserBatch.COUNTS, countsByResult)
                    .append(UserBatch.GROUPS, groupDocuments);
        }
    }

    private record Outcome(UserResult result, String branch, String reason) {
    }
}
