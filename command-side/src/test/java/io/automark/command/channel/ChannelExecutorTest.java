package io.automark.command.channel;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentRun;
import io.automark.command.execution.ExecutionStops;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class ChannelExecutorTest {

    private static final FlowComponent HOOK = new FlowComponent("hook", ComponentType.WEBHOOK,
            Map.of("url", "http://localhost/hook"));
    private static final BatchContext BATCH = new BatchContext("e-1", "c-1", "acme", "a-1", 3);

    private final List<String> sentTo = new ArrayList<>();
    private DeliveryLedger ledger;
    private MongoCollection<Document> ledgerCollection;
    private ExecutionStops stops;
    private ChannelExecutor executor;
    /** Runs after each slice the channel sent, as a stop landing while the batch goes would. */
    private Runnable afterSlice = () -> { };

    @BeforeEach
    void setUp() {
        MongoTemplate store = new MongoTemplate(MongoClients.create(EmbeddedStore.uri("ledger")),
                "ledger-" + UUID.randomUUID());
        ledger = new DeliveryLedger(store);
        ledgerCollection = store.getCollection("delivery_ledger");
        stops = new ExecutionStops(store);
        executor = new ChannelExecutor(new CountingChannel(), ledger, stops);
    }

    private static List<AudienceMember> users(int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> new AudienceMember("u" + n, Map.of(), Set.of()))
                .toList();
    }

    @Test
    void sendsEveryUserOnceAndWritesEachResult() {
        ComponentRun run = executor.execute(BATCH, HOOK, users(250));

        assertThat(sentTo).hasSize(250).doesNotHaveDuplicates();
        assertThat(run.outcomes()).extracting(UserOutcome::result).containsOnly(UserResult.SUCCESS);
        assertThat(ledger.recorded("e-1", "hook", 3, users(250))).hasSize(250);
    }

    @Test
    void aBatchRunAgainSendsOnlyWhatTheLedgerDoesNotHold() {
        List<AudienceMember> users = users(250);
        List<AudienceMember> firstTwoSlices = users.subList(0, 200);
        ledger.record("e-1", "hook", 3, firstTwoSlices, firstTwoSlices.stream().map(u -> SendResult.success())
                .toList());

        ComponentRun run = executor.execute(BATCH, HOOK, users);

        assertThat(sentTo).containsExactlyElementsOf(users.subList(200, 250).stream()
                .map(AudienceMember::userId).toList());
        assertThat(run.outcomes()).hasSize(250).extracting(UserOutcome::userId)
                .containsExactlyElementsOf(users.stream().map(AudienceMember::userId).toList());
    }

    @Test
    void aBatchWhoseSendsAreAllWrittenSendsNothingAgain() {
        executor.execute(BATCH, HOOK, users(120));
        sentTo.clear();

        ComponentRun again = executor.execute(BATCH, HOOK, users(120));

        assertThat(sentTo).isEmpty();
        assertThat(again.outcomes()).extracting(UserOutcome::result).containsOnly(UserResult.SUCCESS);
    }

    @Test
    void startsNoSliceOnceTheExecutionIsStoppedAndMarksTheUsersLeftStopped() {
        afterSlice = () -> stops.mark(List.of("e-1"), "stopped by ana", Instant.now());

        ComponentRun run = executor.execute(BATCH, HOOK, users(250));

        assertThat(sentTo).hasSize(ChannelExecutor.SLICE);
        assertThat(run.failed()).isFalse();
        assertThat(run.outcomes()).hasSize(250).extracting(UserOutcome::result)
                .containsOnly(UserResult.SUCCESS, UserResult.STOPPED)
                .filteredOn(result -> result == UserResult.STOPPED).hasSize(150);
        assertThat(run.outcomes().subList(0, ChannelExecutor.SLICE)).extracting(UserOutcome::userId)
                .containsExactlyElementsOf(sentTo);
        assertThat(ledger.recorded("e-1", "hook", 3, users(250))).hasSize(ChannelExecutor.SLICE);
    }

    @Test
    void sendsNothingForAnExecutionStoppedBeforeTheBatchReachedTheComponent() {
        stops.mark(List.of("e-1"), "stopped by ana", Instant.now());

        ComponentRun run = executor.execute(BATCH, HOOK, users(30));

        assertThat(sentTo).isEmpty();
        assertThat(run.outcomes()).extracting(UserOutcome::result).containsOnly(UserResult.STOPPED);
        assertThat(ledger.recorded("e-1", "hook", 3, users(30))).isEmpty();
    }

    @Test
    void aSliceWrittenAgainByASecondHolderKeepsTheFirstResults() {
        List<AudienceMember> slice = users(100);
        ledger.record("e-1", "hook", 3, slice, slice.stream().map(u -> SendResult.success()).toList());

        ledger.record("e-1", "hook", 3, slice, slice.stream().map(u -> SendResult.failed("HTTP 400")).toList());

        assertThat(ledger.recorded("e-1", "hook", 3, slice).values()).containsOnly(SendResult.success());
    }

    @Test
    void readsTheResultsOfLedgersWrittenAsOneDocumentPerBatch() {
        ledgerCollection.insertOne(new Document("_id", "e-1:hook:3").append("results", List.of(
                new Document("u", "u0").append("ok", true).append("tried", true).append("transport", false)
                        .append("why", null))));

        ComponentRun run = executor.execute(BATCH, HOOK, users(3));

        assertThat(sentTo).containsExactly("u1", "u2");
        assertThat(run.outcomes()).extracting(UserOutcome::result).containsOnly(UserResult.SUCCESS);
    }

    @Test
    void aComponentGivenUpKeepsTheSendsItsLedgerHoldsAndFailsTheOthersWithoutSendingAgain() {
        AtomicInteger slices = new AtomicInteger();
        afterSlice = () -> {
            if (slices.incrementAndGet() == 2) {
                throw new IllegalStateException("template engine broke");
            }
        };
        List<AudienceMember> users = users(250);
        Throwable thrown = catchThrowable(() -> executor.execute(BATCH, HOOK, users));
        sentTo.clear();

        List<UserOutcome> outcomes = executor.givenUp(BATCH, HOOK, users,
                "IllegalStateException: template engine broke");

        assertThat(thrown).hasMessage("template engine broke");
        assertThat(sentTo).as("giving up sends nothing").isEmpty();
        assertThat(outcomes).extracting(UserOutcome::userId)
                .containsExactlyElementsOf(users.stream().map(AudienceMember::userId).toList());
        assertThat(outcomes.subList(0, ChannelExecutor.SLICE)).extracting(UserOutcome::result)
                .containsOnly(UserResult.SUCCESS);
        assertThat(outcomes.subList(ChannelExecutor.SLICE, 250))
                .extracting(UserOutcome::result, UserOutcome::reason)
                .containsOnly(tuple(UserResult.FAILED, "IllegalStateException: template engine broke"));
    }

    /** A channel that succeeds for everyone and notes whom it sent to. */
    private final class CountingChannel implements Channel {

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.WEBHOOK);
        }

        @Override
        public List<SendResult> send(SendBatch batch) {
            batch.recipients().forEach(recipient -> sentTo.add(recipient.userId()));
            afterSlice.run();
            return batch.recipients().stream().map(recipient -> SendResult.success()).toList();
        }
    }
}
