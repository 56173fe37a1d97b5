package io.automark.command.infrastructure;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps aggregates in memory between commands, and retries a command whose cached aggregate turned out stale.
 *
 * <p>Loading an execution means decoding its last snapshot and the batch events after it, each holding a thousand
 * users' outcomes; a run records one batch after another on the same execution, so a cache miss per batch cost
 * more than the batch itself. Axon's default weak cache loses its entries at every young collection, so the caches
 * here hold a bounded number of aggregates strongly.
 *
 * <p>Another instance may have appended to an aggregate that this one holds in its cache (a stop sent to another
 * instance, say). The append then fails on the store's unique sequence index, Axon drops the stale entry as it
 * rolls back, and {@link ConflictRetryScheduler} runs the command again on a fresh load.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    public Cache campaignCache(CacheManager aggregateCacheManager,
                               @Value("${automark.cache.campaigns:1000}") long entries) {
        return cacheOf(aggregateCacheManager, "campaigns", entries);
    }

    /** Executions hold their recorded batch numbers and AB test achievers: fewer of them than of campaigns. */
    @Bean
    public Cache executionCache(CacheManager aggregateCacheManager,
                                @Value("${automark.cache.executions:200}") long entries) {
        return cacheOf(aggregateCacheManager, "executions", entries);
    }

    /** {@code automark.commands.conflict-retries} of 0 turns the retries off. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${automark.commands.conflict-retries:3}") int retries) {
        DefaultCommandGateway.Builder gateway = DefaultCommandGateway.builder().commandBus(commandBus);
        if (retries > 0) {
            gateway.retryScheduler(new ConflictRetryScheduler(IntervalRetryScheduler.builder()
                    .retryExecutor(retryThread())
                    .maxRetryCount(retries)
                    .retryInterval(20)));
        }
        return gateway.build();
    }

    private static ScheduledExecutorService retryThread() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Cache cacheOf(CacheManager manager, String name, long entries) {
        org.ehcache.Cache<Object, Object> cache = manager.createCache(name, CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(entries))
                .build());
        // Axon's adapter takes Ehcache's implementation type, which every cache of a manager is.
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }
}
