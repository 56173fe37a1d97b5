package io.automark.command.schedule;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.automark.command.campaign.CampaignDeadlines;
import io.automark.command.campaign.CampaignDeadlines.EndDue;
import io.automark.command.campaign.CampaignDeadlines.StartDue;
import io.automark.command.support.EmbeddedStore;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.UuidRepresentation;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production deadline manager, JobRunr's, over the embedded MongoDB-compatible server: a deadline outlives the
 * instance that set it, and one that fell due while no instance ran fires as soon as the next one starts.
 */
class JobRunrDeadlineStoreTest {

    private static final String PREFIX = "jobrunr_";
    private static final ScopeDescriptor CAMPAIGN = new AggregateScopeDescriptor("Campaign", "c-1");

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .build();
    private final List<DeadlineMessage<?>> fired = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedStore.uri("deadlines")))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
        database = client.getDatabase("deadlines-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aDeadlineMissedWhileNoInstanceRanFiresWhenTheNextOneStartsAndALaterOneStaysKept() throws Exception {
        Instant missed = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(5));
        Instant later = missed.plus(Duration.ofDays(1));
        StorageProvider before = DeadlineConfiguration.storageProvider(client, database, PREFIX);
        DeadlineManager firstInstance = deadlineManager(before);
        firstInstance.schedule(missed, CampaignDeadlines.START, new StartDue(missed), CAMPAIGN);
        String kept = firstInstance.schedule(later, CampaignDeadlines.END, new EndDue(later), CAMPAIGN);
        before.close();

        StorageProvider after = DeadlineConfiguration.storageProvider(client, database, PREFIX);
        JobRunrDeadlineManager secondInstance = deadlineManager(after);
        DeadlineServer server = new DeadlineServer(after, activating(secondInstance),
                new ScheduleProperties(Duration.ofSeconds(5), 1, PREFIX, Duration.ofDays(1)));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !fired.isEmpty());
        } finally {
            server.stop();
        }

        assertThat(fired).singleElement().satisfies(message -> {
            assertThat(message.getDeadlineName()).isEqualTo(CampaignDeadlines.START);
            assertThat(message.getPayload()).isEqualTo(new StartDue(missed));
        });
        assertThat(after.getJobById(UUID.fromString(kept)).getState()).isEqualTo(StateName.SCHEDULED);
        after.close();
    }

    private JobRunrDeadlineManager deadlineManager(StorageProvider storage) {
        return JobRunrDeadlineManager.builder()
                .jobScheduler(new JobScheduler(storage))
                .scopeAwareProvider(scope -> Stream.of(new RecordingScope()))
                .serializer(serializer)
                .build();
    }

    private static JobActivator activating(JobRunrDeadlineManager manager) {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type.cast(manager);
            }
        };
    }

    /** Stands in for the Campaign aggregate: takes every deadline of the campaign's scope and keeps it. */
    private final class RecordingScope implements ScopeAware {

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) {
            fired.add((DeadlineMessage<?>) message);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return CAMPAIGN.equals(scope);
        }
    }
}
