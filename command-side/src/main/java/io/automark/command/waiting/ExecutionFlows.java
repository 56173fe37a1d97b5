package io.automark.command.waiting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.command.flow.StoredJson;
import io.automark.events.campaign.FlowDefinition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The flow of each execution with waiting users, for the instance that takes them on later. */
@Repository
public class ExecutionFlows {

    private final MongoCollection<Document> flows;
    private final StoredJson json;

    public ExecutionFlows(MongoTemplate mongo, StoredJson json) {
        this.flows = mongo.getCollection("execution_flows");
        this.json = json;
    }

    public void keep(String executionId, FlowDefinition flow) {
        flows.updateOne(Filters.eq("_id", executionId), Updates.setOnInsert("flow", json.write(flow)),
                new UpdateOptions().upsert(true));
    }

    public Optional<FlowDefinition> of(String executionId) {
        return Optional.ofNullable(flows.find(Filters.eq("_id", executionId)).first())
                .map(document -> json.readFlow(document.getString("flow")));
    }
}
