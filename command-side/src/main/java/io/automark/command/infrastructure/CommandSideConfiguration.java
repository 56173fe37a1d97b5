package io.automark.command.infrastructure;

import io.automark.command.channel.Channel;
import io.automark.command.channel.ChannelExecutor;
import io.automark.command.channel.DeliveryLedger;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.execution.ExecutionStops;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The command side's own beans: the clock, aggregate caches, audit metadata and the component executors. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Metadata key of the user who issued a command; Axon copies it onto every event the command causes. */
    public static final String ACTOR = "actor";

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Aggregates stay cached between commands: loading one means reading its whole stream, which the embedded
     * server does by scanning. Across instances a stale entry fails its append on the unique sequence index.
     */
    @Bean
    public Cache campaignCache() {
        return new WeakReferenceCache();
    }

    /**
     * Executions are held strongly, up to a number: a run records a batch every few hundred milliseconds, and a
     * weakly held execution was gone by its next batch under load, so that each batch decoded the execution's
     * events again (JFR: 60% of recording a batch).
     */
    @Bean
    public Cache executionCache(@Value("${automark.execution.cache-size:256}") long size) {
        return new BoundedCache(size);
    }

    /**
     * An execution takes a snapshot every 50 events, so that loading one that fell out of the cache decodes a
     * snapshot and a few batches rather than every batch it ever recorded.
     */
    @Bean
    public SnapshotTriggerDefinition executionSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    @Bean
    public ComponentExecutors componentExecutors(List<ComponentExecutor> executors, List<Channel> channels,
                                                 DeliveryLedger ledger, ExecutionStops stops) {
        List<ComponentExecutor> all = new ArrayList<>(executors);
        channels.forEach(channel -> all.add(new ChannelExecutor(channel, ledger, stops)));
        return new ComponentExecutors(all);
    }
}
