package io.automark.query.execution.users;

import io.automark.events.campaign.ComponentType;
import io.automark.events.execution.UserResult;
import io.automark.query.execution.ComponentNotFound;
import io.automark.query.execution.ExecutionComponent;
import io.automark.query.execution.ExecutionQueries;
import io.automark.query.execution.ExecutionView;
import io.automark.query.execution.FieldKey;
import io.automark.query.web.PageOf;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads per-user execution details; rows past their expiry are never answered, whether or not they were deleted. */
@Service
public class ExecutionUserQueries {

    private final MongoTemplate mongo;
    private final ExecutionQueries executions;

    public ExecutionUserQueries(MongoTemplate mongo, ExecutionQueries executions) {
        this.mongo = mongo;
        this.executions = executions;
    }

    /**
     * The users with an outcome at one component, ordered by user id.
     *
     * @param result null for every result
     * @throws io.automark.query.execution.ExecutionNotFound when the workspace has no such execution
     * @throws ComponentNotFound                             when its flow has no such component
     */
    public PageOf<ComponentUser> usersAt(String workspaceId, String executionId, String componentId,
                                         UserWindow window, UserResult result, int page, int size) {
        ExecutionView execution = executions.execution(workspaceId, executionId, null);
        execution.component(componentId).orElseThrow(() -> new ComponentNotFound(executionId, componentId));

        String key = FieldKey.encode(componentId);
        Query query = Query.query(criteria(executionId, componentId, window, result));
        long total = mongo.count(query, UserRow.class);

        query.with(Sort.by("id"))
                .skip((long) page * size)
                .limit(size);
        query.fields().include("userId").include("last." + key);
        List<ComponentUser> users = mongo.find(query, UserRow.class).stream()
                .map(row -> ComponentUser.of(row.userId(), row.last().get(key)))
                .toList();
        return new PageOf<>(users, total, page, size);
    }

    private static Criteria criteria(String executionId, String componentId, UserWindow window, UserResult result) {
        String last = "last." + FieldKey.encode(componentId);
        Instant now = Instant.now();
        Criteria criteria = Criteria.where("executionId").is(executionId)
                .and("expireAt").gt(now)
                .and(last + ".componentId").is(componentId);

        if (result != null) {
            criteria.and(last + ".result").is(result);
        }
        window.since(now).ifPresent(since -> criteria.and(last + ".at").gte(since));
        return criteria;
    }

    /**
     * The route of one user through one execution, in the order the user met the components.
     *
     * @throws UserRouteNotFound when the execution holds no unexpired details of the user
     */
    public UserRoute route(String workspaceId, String executionId, String userId) {
        ExecutionView execution = executions.execution(workspaceId, executionId, null);
        UserRow row = mongo.findById(UserRow.idOf(executionId, userId), UserRow.class);

        if (row == null || !row.expireAt().isAfter(Instant.now())) {
            throw new UserRouteNotFound(executionId, userId);
        }
        Map<String, ExecutionComponent> components = execution.components().stream()
                .collect(Collectors.toMap(ExecutionComponent::componentId, Function.identity(), (a, b) -> a));
        Comparator<UserStep> order = Comparator.comparing(UserStep::at)
                .thenComparing(step -> rankOf(components.get(step.componentId())));

        List<UserRoute.Step> steps = row.steps().stream()
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
