package io.automark.query.audience.operation;

import io.automark.query.web.ReadYourWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Reads audience operations; every read is confined to one workspace. */
@Service
public class AudienceOperationQueries {

    private final MongoTemplate mongo;
    private final ReadYourWrites readYourWrites;

    public AudienceOperationQueries(MongoTemplate mongo, ReadYourWrites readYourWrites) {
        this.mongo = mongo;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Reads one operation.
     *
     * @param minVersion when not null, waits until the operation's version reaches it (or the wait times out)
     * @throws AudienceOperationNotFound when the workspace has no such operation
     */
    public AudienceOperationView operation(String workspaceId, String operationId, Long minVersion) {
        return readYourWrites.read(() -> find(workspaceId, operationId), AudienceOperationView::version, minVersion)
                .orElseThrow(() -> new AudienceOperationNotFound(workspaceId, operationId));
    }

    /**
     * The operations requested for one component of one execution, newest first. It does not check that the
     * execution exists: a request for an unknown execution is recorded too, and fails, and its caller should see it.
     */
    public List<AudienceOperationView> ofComponent(String workspaceId, String executionId, String componentId,
                                                   int limit) {
        Query query = Query.query(Criteria.where("workspaceId").is(workspaceId)
                        .and("executionId").is(executionId)
                        .and("componentId").is(componentId))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("id")))
                .limit(limit);

        return mongo.find(query, AudienceOperationView.class);
    }

    private Optional<AudienceOperationView> find(String workspaceId, String operationId) {
        return Optional.ofNullable(mongo.findById(operationId, AudienceOperationView.class))
                .filter(operation -> workspaceId.equals(operation.workspaceId()));
    }
}
