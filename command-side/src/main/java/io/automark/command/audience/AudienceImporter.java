package io.automark.command.audience;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.automark.command.audience.Audience.RegisterAudience;
import io.automark.command.common.BodyTooLargeException;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import io.automark.command.web.RequestBodyLimitFilter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Imports audiences into the store chunk by chunk, then registers them. A CSV upload is read as a stream, so a
 * large file never sits whole in memory; an upload that fails leaves nothing behind.
 */
@Service
public class AudienceImporter {

    private static final Logger log = LoggerFactory.getLogger(AudienceImporter.class);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String USER_ID_COLUMN = "user_id";
    private static final String TAGS_COLUMN = "tags";

    private final AudienceStore store;
    private final CommandGateway commands;
    private final Clock clock;
    private final int chunkSize;
    private final CsvMapper csv = new CsvMapper();

    public AudienceImporter(AudienceStore store, CommandGateway commands, Clock clock,
                            @Value("${automark.audience.chunk-size:1000}") int chunkSize) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** Imports a CSV with a header row and a {@code user_id} column; answers the new audience. */
    public ImportedAudience importCsv(String workspaceId, String name, InputStream body) {
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            checkHeader(rows);
            return importRows(workspaceId, name, "CSV_UPLOAD", new CsvRows(rows));
        } catch (IOException | RuntimeException e) {
            throw asInputProblem(e);
        }
    }

    /** Imports users given as JSON; answers the new audience. */
    public ImportedAudience importUsers(String workspaceId, String name, List<AudienceMember> users) {
        return importRows(workspaceId, name, "JSON_UPLOAD", users.iterator());
    }

    private ImportedAudience importRows(String workspaceId, String name, String origin,
                                        Iterator<AudienceMember> members) {
        String audienceId = UUID.randomUUID().toString();
        store.begin(audienceId, workspaceId, name, clock.instant());

        long size = 0;
        long chunks = 0;
        // Known shortcoming: the ids seen so far stay in memory while the upload streams (about 100 bytes each).
        Set<String> seen = new HashSet<>();
        try {
            List<AudienceMember> chunk = new ArrayList<>(chunkSize);
            while (members.hasNext()) {
                AudienceMember member = checked(members.next(), size + 1);
                if (!seen.add(member.userId())) {
                    throw new InvalidInputException("users[" + (size + 1) + "].userId",
                            "user " + member.userId() + " is listed twice; an audience holds each user once");
                }
                chunk.add(member);
                size++;
                if (chunk.size() == chunkSize) {
                    store.writeChunk(audienceId, chunks++, chunk);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                store.writeChunk(audienceId, chunks++, chunk);
            }
            if (size == 0) {
                throw new InvalidInputException("users", "an audience needs at least one user");
            }
        } catch (RuntimeException e) {
            store.discard(audienceId, chunks + 1);
            throw e;
        }

        store.complete(audienceId, size, chunks);
        commands.sendAndWait(new RegisterAudience(audienceId, workspaceId, name, size, origin, clock.instant()));
        log.info("Imported audience [{}] '{}' of workspace [{}]: {} users in {} chunks", audienceId, name,
                workspaceId, size, chunks);
        return new ImportedAudience(audienceId, size);
    }

    private static AudienceMember checked(AudienceMember member, long row) {
        if (member.userId() == null || !USER_ID.matcher(member.userId()).matches()) {
            throw new InvalidInputException("users[" + row + "].userId",
                    "a user id is 1 to 128 letters, digits, '_', '.', ':' or '-' (never an e-mail address)");
        }
        return member;
    }

    private static void checkHeader(MappingIterator<Map<String, String>> rows) throws IOException {
        if (!rows.hasNextValue()) {
            throw new InvalidInputException("body", "the CSV holds no header row and no users");
        }
        CsvSchema schema = (CsvSchema) rows.getParser().getSchema();
        List<Problem> problems = new ArrayList<>();
        if (schema.column(USER_ID_COLUMN) == null) {
            problems.add(new Problem("header", "the CSV needs a user_id column"));
        }
        for (String column : schema.getColumnNames()) {
            if (!COLUMN.matcher(column).matches()) {
                problems.add(new Problem("header." + column, "a column name is letters, digits, '_' or '-'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static RuntimeException asInputProblem(Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.PayloadTooLarge) {
                return new BodyTooLargeException(cause.getMessage());
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        return new InvalidInputException("body", "the CSV cannot be read: " + message);
    }

    /** The id and size of an imported audience. */
    public record ImportedAudience(String id, long size) {
    }

    /** Turns CSV rows into members: {@code user_id} is the id, {@code tags} splits on ';', the rest are attributes. */
    private static final class CsvRows implements Iterator<AudienceMember> {

        private final MappingIterator<Map<String, String>> rows;

        CsvRows(MappingIterator<Map<String, String>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public AudienceMember next() {
            Map<String, String> row = new HashMap<>(rows.next());
            String userId = row.remove(USER_ID_COLUMN);
            String tags = row.remove(TAGS_COLUMN);
            row.values().removeIf(value -> value == null);
            return new AudienceMember(userId == null ? null : userId.trim(), row, tagsOf(tags));
        }

        private static Set<String> tagsOf(String tags) {
            Set<String> parsed = new LinkedHashSet<>();
            if (tags != null) {
                Arrays.stream(tags.split(";"))
                        .map(String::trim)
                        .filter(tag -> !tag.isEmpty())
                        .forEach(parsed::add);
            }
            return parsed;
        }
    }
}
