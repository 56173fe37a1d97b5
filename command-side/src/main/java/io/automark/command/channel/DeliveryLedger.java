package io.automark.command.channel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.automark.command.audience.AudienceMember;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each send of a batch came to, kept per execution, component and batch and written as the batch goes. A batch
 * run again after a crash reuses what is written and sends only the rest, with the same idempotency keys, so a
 * receiver that drops repeated keys gets every message exactly once. One document per batch keeps the lookup a
 * read by {@code _id}.
 */
@Repository
public class DeliveryLedger {

    private final MongoCollection<Document> ledger;

    public DeliveryLedger(MongoTemplate mongo) {
        this.ledger = mongo.getCollection("delivery_ledger");
    }

    /** The results already written for the batch, by user id. */
    public Map<String, SendResult> recorded(String executionId, String componentId, long batchNumber) {
        Document entry = ledger.find(Filters.eq("_id", idOf(executionId, componentId, batchNumber))).first();
        Map<String, SendResult> results = new HashMap<>();
        if (entry != null) {
            for (Document sent : entry.getList("results", Document.class)) {
                results.put(sent.getString("u"), new SendResult(sent.getBoolean("ok"), sent.getBoolean("tried"),
                        sent.getString("why"), sent.getBoolean("transport")));
            }
        }
        return results;
    }

    /** Adds the results of some sends of the batch. */
    public void record(String executionId, String componentId, long batchNumber, List<AudienceMember> recipients,
                       List<SendResult> results) {
        List<Document> sent = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            SendResult result = results.get(i);
            sent.add(new Document("u", recipients.get(i).userId())
                    .append("ok", result.succeeded())
                    .append("tried", result.attempted())
                    .append("transport", result.transport())
                    .append("why", result.reason()));
        }
        ledger.updateOne(Filters.eq("_id", idOf(executionId, componentId, batchNumber)),
                Updates.pushEach("results", sent), new UpdateOptions().upsert(true));
    }

    private static String idOf(String executionId, String componentId, long batchNumber) {
        return executionId + ":" + componentId + ":" + batchNumber;
    }
}
