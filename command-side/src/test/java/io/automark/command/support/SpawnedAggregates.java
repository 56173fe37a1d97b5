package io.automark.command.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where aggregates that a fixture's aggregate spawns ({@code AggregateLifecycle.createNew}) are kept. An Axon
 * fixture's own store takes the events of its one aggregate only, so spawned ones go to a store of their own, which
 * tests read back.
 */
public final class SpawnedAggregates implements RepositoryProvider {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<Class<?>, Repository<?>> repositories = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> repositoryFor(Class<T> type) {
        return (Repository<T>) repositories.computeIfAbsent(type, aggregate -> EventSourcingRepository
                .builder(aggregate)
                .eventStore(events)
                .build());
    }

    /** The payloads of a spawned aggregate's events, in order; empty when none was spawned with that id. */
    public List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId).asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }
}
