package io.automark.command.schedule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Campaign schedules are Axon deadlines, kept by JobRunr in the command side's MongoDB database so that they survive
 * a restart; a deadline that fell due while no instance ran fires as soon as one is back. JobRunr is wired by hand:
 * its collections are created in advance ({@link JobRunrCollections}) and it starts only once the application is up
 * ({@link DeadlineServer}). The Mongo client must use the standard UUID representation, which JobRunr checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
public class DeadlineConfiguration {

    @Bean
    public StorageProvider deadlineStorage(MongoClient client, MongoTemplate mongo, ScheduleProperties properties) {
        MongoDatabase database = mongo.getDb();
        return storageProvider(client, database, properties.collectionPrefix());
    }

    @Bean
    public JobScheduler deadlineJobScheduler(StorageProvider deadlineStorage) {
        return new JobScheduler(deadlineStorage);
    }

    /** Axon's deadline manager over JobRunr; the Campaign aggregate schedules its start, end and runs with it. */
    @Bean
    public DeadlineManager deadlineManager(JobScheduler deadlineJobScheduler,
                                           org.axonframework.config.Configuration axonConfiguration,
                                           Serializer serializer, TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        return JobRunrDeadlineManager.builder()
                .jobScheduler(deadlineJobScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .build();
    }

    @Bean
    public DeadlineServer deadlineServer(StorageProvider deadlineStorage, ApplicationContext context,
                                         ScheduleProperties properties) {
        return new DeadlineServer(deadlineStorage, context::getBean, properties);
    }

    /** JobRunr's Mongo storage on {@code database}, its collections created first. */
    static StorageProvider storageProvider(MongoClient client, MongoDatabase database, String prefix) {
        JobRunrCollections.prepare(database, prefix);

        MongoDBStorageProvider storage = new MongoDBStorageProvider(client, database.getName(), prefix,
                DatabaseOptions.SKIP_CREATE);
        storage.setJobMapper(new JobMapper(new JacksonJsonMapper()));
        return storage;
    }
}
