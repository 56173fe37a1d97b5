package io.automark.command.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON document the WEBHOOK and KAFKA channels send for one user: ids only, never the user's attributes, so
 * that no contact detail leaves the service by these channels.
 */
final class SendDocument {

    private SendDocument() {
    }

    static byte[] of(ObjectMapper json, SendBatch batch, AudienceMember recipient, Instant sentAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", batch.context().executionId());
        body.put("campaignId", batch.context().campaignId());
        body.put("componentId", batch.component().id());
        body.put("userId", recipient.userId());
        body.put("idempotencyKey", batch.idempotencyKey(recipient));
        body.put("sentAt", sentAt.toString());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
