package io.automark.command.schedule;

import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fires due deadlines: JobRunr's background server, started after everything else in the application so that a
 * deadline that fell due while the service was down finds Axon ready, and stopped before everything else.
 */
public class DeadlineServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineServer.class);

    private final StorageProvider storage;
    private final JobActivator activator;
    private final ScheduleProperties properties;
    private BackgroundJobServer server;

    public DeadlineServer(StorageProvider storage, JobActivator activator, ScheduleProperties properties) {
        this.storage = storage;
        this.activator = activator;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        BackgroundJobServerConfiguration configuration = BackgroundJobServerConfiguration
                .usingStandardBackgroundJobServerConfiguration()
                .andPollInterval(properties.pollInterval())
                .andWorkerCount(properties.workers())
                .andDeleteSucceededJobsAfter(properties.keepFiredFor());
        server = new BackgroundJobServer(storage, new JacksonJsonMapper(), activator, configuration);
        server.start();
        log.info("Deadline server started, polling every {}", properties.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts last and stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
