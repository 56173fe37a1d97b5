package io.automark.query.execution.users;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.UserResult;
import io.automark.query.execution.ComponentNotFound;
import io.automark.query.execution.ExecutionComponent;
import io.automark.query.execution.ExecutionQueries;
import io.automark.query.execution.ExecutionView;
import io.automark.query.execution.FieldKey;
import io.automark.query.web.PageOf;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads per-user execution details from the {@link UserBatch} documents; batches past their expiry are never
 * answered, whether or not they were deleted.
 */
@Service
public class ExecutionUserQueries {

    private final MongoCollection<Document> batches;
    private final ExecutionQueries executions;

    public ExecutionUserQueries(MongoTemplate mongo, ExecutionQueries executions) {
        this.batches = mongo.getCollection(UserBatch.COLLECTION);
        this.executions = executions;
    }

    /**
     * The users with an outcome at one component, in batch order (by batch number) and within a batch in the order
     * the batch recorded them, grouped by outcome. A user who entered twice is listed once per batch; a user whose
     * wait there ended is listed with the result it left with, no longer as WAITING. The total comes from the
     * counts each batch keeps, and only the batches on the page are read.
     *
     * @param result null for every result
     * @throws io.automark.query.execution.ExecutionNotFound when the workspace has no such execution
     * @throws ComponentNotFound                             when its flow has no such component
     */
    public PageOf<ComponentUser> usersAt(String workspaceId, String executionId, String componentId,
                                         UserWindow window, UserResult result, int page, int size) {
        ExecutionView execution = executions.execution(workspaceId, executionId, null);
        execution.component(componentId).orElseThrow(() -> new ComponentNotFound(executionId, componentId));

        List<BatchCount> counts = countsAt(executionId, componentId, window, result);
        long total = counts.stream().mapToLong(BatchCount::users).sum();
        List<BatchSlice> slices = BatchSlice.of(counts, (long) page * size, size);

        return new PageOf<>(usersOf(slices, componentId, result), total, page, size);
    }

    /** How many users each unexpired batch in the window lists at the component, in batch order, zeros left out. */
    private List<BatchCount> countsAt(String executionId, String componentId, UserWindow window, UserResult result) {
        Instant now = Instant.now();
        List<Bson> filters = new ArrayList<>(List.of(
                Filters.eq(UserBatch.EXECUTION_ID, executionId),
                Filters.gt(UserBatch.EXPIRE_AT, Date.from(now)),
                result == null
                        ? Filters.exists(UserBatch.countsPath(componentId))
                        : Filters.gt(UserBatch.countPath(componentId, result), 0)));
        window.since(now).ifPresent(since -> filters.add(Filters.gte(UserBatch.AT, Date.from(since))));

        String key = FieldKey.encode(componentId);
        return batches.find(Filters.and(filters))
                .projection(Projections.include(UserBatch.BATCH, UserBatch.countsPath(componentId)))
                .sort(Sorts.ascending(UserBatch.BATCH))
                .map(batch -> new BatchCount(batch.getString(UserBatch.ID),
                        listed(UserBatch.componentsOf(batch).get(key, Document.class), result)))
                .into(new ArrayList<>()).stream()
                .filter(count -> count.users() > 0)
                .toList();
    }

    private static long listed(Document component, UserResult result) {
        Document counts = component.get(UserBatch.COUNTS, Document.class);

        if (result != null) {
            Number count = counts.get(result.name(), Number.class);
            return count == null ? 0 : count.longValue();
        }
        return counts.values().stream()
                .mapToLong(count -> ((Number) count).longValue())
                .sum();
    }

    /** Reads the slices' batches, with only the component's listed users, and takes each slice's users from them. */
    private List<ComponentUser> usersOf(List<BatchSlice> slices, String componentId, UserResult result) {
        if (slices.isEmpty()) {
            return List.of();
        }

        String groups = UserBatch.groupsPath(componentId);
        Bson projection = Projections.include(UserBatch.AT, groups + "." + OutcomeGroup.RESULT,
                groups + "." + OutcomeGroup.BRANCH, groups + "." + OutcomeGroup.REASON,
                groups + "." + OutcomeGroup.USERS);
        Map<String, Document> byId = batches
                .find(Filters.in(UserBatch.ID, slices.stream().map(BatchSlice::batchId).toList()))
                .projection(projection)
                .into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(batch -> batch.getString(UserBatch.ID), Function.identity()));

        List<ComponentUser> users = new ArrayList<>();
        for (BatchSlice slice : slices) {
            Document batch = byId.get(slice.batchId());
            // Swept between the count and this read: the page comes out shorter, never wrong.
            if (batch != null) {
                users.addAll(sliceOf(batch, componentId, result, slice));
            }
        }
        return users;
    }

    private static List<ComponentUser> sliceOf(Document batch, String componentId, UserResult result,
                                               BatchSlice slice) {
        Instant at = batch.getDate(UserBatch.AT).toInstant();

        return UserBatch.groupsOf(batch, componentId).stream()
                .filter(group -> result == null || group.result() == result)
                .flatMap(group -> group.users().stream()
                        .map(userId -> new ComponentUser(userId, group.result(), group.branch(), group.reason(), at)))
                .skip(slice.skip())
                .limit(slice.take())
                .toList();
    }

    /**
     * The route of one user through one execution, in the order the user met the components: by the time of each
     * batch (then its number), then by the component's place in the flow.
     *
     * @throws UserRouteNotFound when the execution holds no unexpired details of the user
     */
    public UserRoute route(String workspaceId, String executionId, String userId) {
        ExecutionView execution = executions.execution(workspaceId, executionId, null);
        Bson holdingTheUser = Filters.and(
                Filters.eq(UserBatch.EXECUTION_ID, executionId),
                Filters.eq(UserBatch.USERS, userId),
                Filters.gt(UserBatch.EXPIRE_AT, Date.from(Instant.now())));

        List<UserStep> found = batches.find(holdingTheUser)
                .projection(Projections.include(UserBatch.BATCH, UserBatch.AT, UserBatch.COMPONENTS))
                .into(new ArrayList<>()).stream()
                .flatMap(batch -> UserBatchSteps.of(batch, userId).stream())
                .toList();
        if (found.isEmpty()) {
            throw new UserRouteNotFound(executionId, userId);
        }

        Map<String, ExecutionComponent> components = execution.components().stream()
                .collect(Collectors.toMap(ExecutionComponent::componentId, Function.identity(), (a, b) -> a));
        Comparator<UserStep> order = Comparator.comparing(UserStep::at)
                .thenComparingLong(UserStep::batch)
                .thenComparing(step -> rankOf(components.get(step.componentId())));

        List<UserRoute.Step> steps = found.stream()
                .sorted(order)
                .map(step -> new UserRoute.Step(step.componentId(), typeOf(components.get(step.componentId())),
                        step.result(), step.branch(), step.reason(), step.at()))
                .toList();
        return new UserRoute(executionId, userId, steps);
    }

    private static int rankOf(ExecutionComponent component) {
        return component == null ? Integer.MAX_VALUE : component.rank();
    }

    private static ComponentType typeOf(ExecutionComponent component) {
        return component == null ? null : component.type();
    }
}
