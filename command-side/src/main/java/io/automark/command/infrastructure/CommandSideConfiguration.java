package io.automark.command.infrastructure;

import io.automark.command.channel.Channel;
import io.automark.command.channel.ChannelExecutor;
import io.automark.command.channel.DeliveryLedger;
import io.automark.command.component.ComponentExecutor;
import io.automark.command.component.ComponentExecutors;
import io.automark.command.execution.ExecutionStops;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The command side's own beans: the clock, snapshots, audit metadata and the component executors. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /** Metadata key of the user who issued a command; Axon copies it onto every event the command causes. */
    public static final String ACTOR = "actor";

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
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
