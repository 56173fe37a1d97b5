package io.automark.command.channel;

import com.mongodb.client.MongoClients;
import io.automark.command.audience.AudienceMember;
import io.automark.command.component.BatchContext;
import io.automark.command.component.ComponentRun;
import io.automark.command.support.EmbeddedStore;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelExecutorTest {

    private static final FlowComponent HOOK = new FlowComponent("hook", ComponentType.WEBHOOK,
            Map.of("url", "http://localhost/hook"));
    private static final BatchContext BATCH = new BatchContext("e-1", "c-1", "acme", "a-1", 3);

    private final List<String> sentTo = new ArrayList<>();
    private DeliveryLedger ledger;
    private ChannelExecutor executor;

    @BeforeEach
    void setUp() {
        ledger = new DeliveryLedger(new MongoTemplate(MongoClients.create(EmbeddedStore.uri("ledger")),
                "ledger-" + UUID.randomUUID()));
        executor = new ChannelExecutor(new CountingChannel(), ledger);
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
        assertThat(ledger.recorded("e-1", "hook", 3)).hasSize(250);
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

    /** A channel that succeeds for everyone and notes whom it sent to. */
    private final class CountingChannel implements Channel {

        @Override
        public Set<ComponentType> types() {
            return Set.of(ComponentType.WEBHOOK);
        }

        @Override
        public List<SendResult> send(SendBatch batch) {
            batch.recipients().forEach(recipient -> sentTo.add(recipient.userId()));
            return batch.recipients().stream().map(recipient -> SendResult.success()).toList();
        }
    }
}
