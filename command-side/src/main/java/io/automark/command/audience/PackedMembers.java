package io.automark.command.audience;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users of a chunk as one JSON array in a single binary field: {@code [{"u": id, "a": {attributes}, "t": [tags]}]}.
 *
 * <p>A chunk is only ever read whole, by its {@code _id}, so nothing queries inside it. Held as a thousand
 * sub-documents, it cost the store (MongoDB and the embedded server alike) a parse, a size computation and an
 * encoding of every attribute on each write and read; as one value it costs a copy, and this class writes and reads
 * it with Jackson's streaming parser without building a document per user.
 */
final class PackedMembers {

    private static final JsonFactory JSON = new JsonFactory();

    private PackedMembers() {
    }

    static byte[] pack(List<AudienceMember> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * members.size() + 2);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartArray();
            for (AudienceMember member : members) {
                write(out, member);
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the members of a chunk", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The members as packed, each with the tags added to it since.
     *
     * @param addedTags tags added later, by user id
     * @throws IllegalStateException when the bytes are not a packed chunk
     */
    static List<AudienceMember> unpack(byte[] packed, Map<String, Set<String>> addedTags) {
        List<AudienceMember> members = new ArrayList<>();
        try (JsonParser in = JSON.createParser(packed)) {
            expect(in.nextToken(), JsonToken.START_ARRAY);
            while (in.nextToken() == JsonToken.START_OBJECT) {
                members.add(read(in, addedTags));
            }
            expect(in.currentToken(), JsonToken.END_ARRAY);
        } catch (IOException e) {
            throw new IllegalStateException("a chunk's packed members cannot be read", e);
        }
        return members;
    }

    private static void write(JsonGenerator out, AudienceMember member) throws IOException {
        out.writeStartObject();
        out.writeStringField("u", member.userId());
        out.writeObjectFieldStart("a");
        for (Map.Entry<String, String> attribute : member.attributes().entrySet()) {
            out.writeStringField(attribute.getKey(), attribute.getValue());
        }
        out.writeEndObject();
        out.writeArrayFieldStart("t");
        for (String tag : member.tags()) {
            out.writeString(tag);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static AudienceMember read(JsonParser in, Map<String, Set<String>> addedTags) throws IOException {
        String userId = null;
        Map<String, String> attributes = new HashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "u" -> {
                    expect(value, JsonToken.VALUE_STRING);
                    userId = in.getText();
                }
                case "a" -> readAttributes(in, value, attributes);
                case "t" -> readTags(in, value, tags);
                default -> in.skipChildren();
            }
        }
        expect(in.currentToken(), JsonToken.END_OBJECT);
        if (userId == null) {
            throw new IllegalStateException("a packed member has no user id");
        }
        tags.addAll(addedTags.getOrDefault(userId, Set.of()));
        return new AudienceMember(userId, attributes, tags);
    }

    private static void readAttributes(JsonParser in, JsonToken start, Map<String, String> attributes)
            throws IOException {
        expect(start, JsonToken.START_OBJECT);
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            expect(in.nextToken(), JsonToken.VALUE_STRING);
            attributes.put(name, in.getText());
        }
        expect(in.currentToken(), JsonToken.END_OBJECT);
    }

    private static void readTags(JsonParser in, JsonToken start, Set<String> tags) throws IOException {
        expect(start, JsonToken.START_ARRAY);
        while (in.nextToken() == JsonToken.VALUE_STRING) {
            tags.add(in.getText());
        }
        expect(in.currentToken(), JsonToken.END_ARRAY);
    }

    /**
     * The user ids of a packed chunk that {@link #unpack} refuses, as far as they can be told: every member's
     * {@code u} that is text, in order, up to where the bytes stop being JSON.
     */
    static List<String> userIdsOf(byte[] packed) {
        List<String> userIds = new ArrayList<>();
        try (JsonParser in = JSON.createParser(packed)) {
            int depth = 0;
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                boolean memberField = token == JsonToken.FIELD_NAME && depth == 2 && "u".equals(in.currentName());
                if (memberField) {
                    token = in.nextToken();
                    if (token == JsonToken.VALUE_STRING) {
                        userIds.add(in.getText());
                    }
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
        } catch (IOException e) {
            // The rest is damaged: the ids read so far are what can be told.
        }
        return userIds;
    }

    private static void expect(JsonToken found, JsonToken wanted) {
        if (found != wanted) {
            throw new IllegalStateException("a packed chunk holds " + found + " where " + wanted + " belongs");
        }
    }
}
