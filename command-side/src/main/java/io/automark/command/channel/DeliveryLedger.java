package io.automark.command.channel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.automark.command.audience.AudienceMember;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each send of a batch came to, kept per execution, component and batch and written as the batch goes. A batch
 * run again after a crash reuses what is written and sends only the rest, with the same idempotency keys, so a
 * receiver that drops repeated keys gets every message exactly once.
 *
 * <p>Each written slice of sends is a document of its own, keyed by the batch and the slice's first user: the first
 * write is an insert, and a batch reads its slices back by {@code _id} ({@code $in} over its users). Appending each
 * slice to one document per batch made the store rewrite a growing document ten times a batch: on the embedded server
 * that was four fifths of the store's time in a webhook run, and MongoDB too writes a changed document whole.
 */
@Repository
public class DeliveryLedger {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);

    private final MongoCollection<Document> ledger;

    public DeliveryLedger(MongoTemplate mongo) {
        this.ledger = mongo.getCollection("delivery_ledger");
    }

    /** The results already written for the batch, by user id; {@code users} are the users the batch sends to. */
    public Map<String, SendResult> recorded(String executionId, String componentId, long batchNumber,
                                            List<AudienceMember> users) {
        String batch = batchId(executionId, componentId, batchNumber);
        List<String> ids = new ArrayList<>(users.size() + 1);
        // Ledgers written before slices had documents of their own hold the whole batch under its id.
        ids.add(batch);
        users.forEach(user -> ids.add(sliceId(batch, user.userId())));

        Map<String, SendResult> results = new HashMap<>();
        for (Document entry : ledger.find(Filters.in("_id", ids))) {
            for (Document sent : entry.getList("results", Document.class)) {
                results.put(sent.getString("u"), new SendResult(sent.getBoolean("ok"), sent.getBoolean("tried"),
                        sent.getString("why"), sent.getBoolean("transport")));
            }
        }
        return results;
    }

    /** Writes the results of one slice of the batch's sends, in the order of {@code recipients}. */
    public void record(String executionId, String componentId, long batchNumber, List<AudienceMember> recipients,
                       List<SendResult> results) {
        if (recipients.isEmpty()) {
            return;
        }
        List<Document> sent = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            SendResult result = results.get(i);
            sent.add(new Document("u", recipients.get(i).userId())
                    .append("ok", result.succeeded())
                    .append("tried", result.attempted())
                    .append("transport", result.transport())
                    .append("why", result.reason()));
        }

        String batch = batchId(executionId, componentId, batchNumber);
        try {
            ledger.insertOne(new Document("_id", sliceId(batch, recipients.get(0).userId())).append("results", sent));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two holders of one job ran the batch at once (a lease taken over while its holder still sent).
            log.debug("A slice of batch {} of component [{}] in execution [{}] was written by another holder",
                    batchNumber, componentId, executionId);
        }
    }

    private static String batchId(String executionId, String componentId, long batchNumber) {
        return executionId + ":" + componentId + ":" + batchNumber;
    }

    private static String sliceId(String batchId, String firstUserId) {
        return batchId + "/" + firstUserId;
    }
}
