package io.automark.command.channel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.automark.command.audience.AudienceMember;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON document the WEBHOOK and KAFKA channels send for one user: ids only, never the user's attributes, so
 * that no contact detail leaves the service by these channels.
 *
 * <p>It is written field by field with the mapper's generator: one document per send, and going through a map and
 * its serializer cost several times as much for the same bytes.
 */
final class SendDocument {

    private static final int TYPICAL_SIZE = 320;

    private SendDocument() {
    }

    static byte[] of(ObjectMapper json, SendBatch batch, AudienceMember recipient, Instant sentAt) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(TYPICAL_SIZE);
        try (JsonGenerator document = json.getFactory().createGenerator(bytes)) {
            document.writeStartObject();
            document.writeStringField("executionId", batch.context().executionId());
            document.writeStringField("campaignId", batch.context().campaignId());
            document.writeStringField("componentId", batch.component().id());
            document.writeStringField("userId", recipient.userId());
            document.writeStringField("idempotencyKey", batch.idempotencyKey(recipient));
            document.writeStringField("sentAt", sentAt.toString());
            document.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }
}
