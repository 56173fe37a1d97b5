package io.automark.query.execution.users;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.automark.query.support.QuerySideTest;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

import static io.automark.query.support.Fixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The store operations the user batches rely on, against the embedded server the tests run on: it implements the
 * query language itself, so each one is checked here rather than assumed to behave as on MongoDB.
 */
@QuerySideTest
class UserBatchStoreOperationsTest {

    static final String GROUP = "components.pause.groups.1";

    @Autowired
    MongoTemplate mongo;

    MongoCollection<Document> batches;

    final String executionId = newId("e");
    final String batchId = executionId + ":0";

    @BeforeEach
    void givenABatchWithThreeWaitingUsers() {
        batches = mongo.getCollection(UserBatch.COLLECTION);
        Document pause = new Document("counts", new Document("PASSED", 1).append("WAITING", 3))
                .append("groups", List.of(
                        new Document("result", "PASSED").append("users", List.of("x")),
                        new Document("result", "WAITING").append("users", List.of("a", "b", "c"))));
        batches.insertOne(new Document("_id", batchId).append("executionId", executionId).append("batch", 0L)
                .append("users", List.of("x", "a", "b", "c"))
                .append("components", new Document("pause", pause)));
    }

    @Test
    void aMoveGuardedByItsUsersOnAnIndexedPathAppliesOnce() {
        // when
        UpdateResult first = batches.updateOne(stillListed("a", "b"), move("a", "b"));
        UpdateResult again = batches.updateOne(stillListed("a", "b"), move("a", "b"));

        // then
        assertThat(first.getModifiedCount()).isEqualTo(1);
        assertThat(again.getMatchedCount()).isZero();
        Document pause = batches.find(Filters.eq("_id", batchId)).first()
                .get("components", Document.class).get("pause", Document.class);
        assertThat(pause.get("counts", Document.class).get("WAITING", Number.class).intValue()).isEqualTo(1);
        assertThat(pause.getList("groups", Document.class).get(1))
                .isEqualTo(new Document("result", "WAITING").append("users", List.of("c"))
                        .append("resumed", List.of("a", "b")));
    }

    @Test
    void projectsSomeFieldsOfEveryArrayElement() {
        // given
        batches.updateOne(stillListed("a"), move("a"));

        // when
        Document projected = batches.find(Filters.eq("_id", batchId))
                .projection(Projections.include("components.pause.groups.result", "components.pause.groups.users"))
                .first();

        // then
        assertThat(projected.get("components", Document.class).get("pause", Document.class)
                .getList("groups", Document.class)).containsExactly(
                new Document("result", "PASSED").append("users", List.of("x")),
                new Document("result", "WAITING").append("users", List.of("b", "c")));
    }

    @Test
    void findsByANestedCountByArrayMembershipAndSortsByBatch() {
        // given
        batches.insertOne(new Document("_id", executionId + ":1").append("executionId", executionId)
                .append("batch", 1L).append("users", List.of("a"))
                .append("components", new Document("pause", new Document("counts", new Document("PASSED", 1)))));

        // when
        List<Object> waiting = ids(Filters.and(Filters.eq("executionId", executionId),
                Filters.gt("components.pause.counts.WAITING", 0)));
        List<Object> holdingA = ids(Filters.and(Filters.eq("executionId", executionId), Filters.eq("users", "a")));
        List<Object> passed = ids(Filters.and(Filters.eq("executionId", executionId),
                Filters.exists("components.pause.counts")));

        // then
        assertThat(waiting).containsExactly(batchId);
        assertThat(holdingA).containsExactly(batchId, executionId + ":1");
        assertThat(passed).containsExactly(batchId, executionId + ":1");
    }

    @Test
    void aSecondInsertOfTheSameIdIsADuplicateKey() {
        // when
        MongoWriteException error = catchThrowableOfType(MongoWriteException.class,
                () -> batches.insertOne(new Document("_id", batchId)));

        // then
        assertThat(error.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
    }

    private Bson stillListed(String... users) {
        return Filters.and(Filters.eq("_id", batchId), Filters.all(GROUP + ".users", List.of(users)));
    }

    private Bson move(String... users) {
        return Updates.combine(
                Updates.pullAll(GROUP + ".users", List.of(users)),
                Updates.pushEach(GROUP + ".resumed", List.of(users)),
                Updates.inc("components.pause.counts.WAITING", -users.length));
    }

    private List<Object> ids(Bson filter) {
        return batches.find(filter).sort(Sorts.ascending("batch"))
                .map(batch -> batch.get("_id"))
                .into(new ArrayList<>());
    }
}
