package io.automark.command.audience;

import io.automark.command.audience.Audience.RegisterAudience;
import io.automark.command.audience.AudienceExport.CompleteAudienceExport;
import io.automark.command.audience.AudienceExport.FailAudienceExport;
import io.automark.events.audience.AudienceExportRequested;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.execution.ComponentOutcomes;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.UserOutcome;
import io.automark.events.execution.UserResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries out audience exports. It reads the execution's outcomes from the event store, the source of truth, and
 * the users' attributes from the audience the execution walked; the new audience's chunks follow the batches, so a
 * redelivered request writes the same audience again.
 */
@Component
@ProcessingGroup("command-audience-exports")
class AudienceExporter {

    private static final Logger log = LoggerFactory.getLogger(AudienceExporter.class);

    private final EventStore events;
    private final AudienceStore audiences;
    private final CommandGateway commands;
    private final Clock clock;

    AudienceExporter(EventStore events, AudienceStore audiences, CommandGateway commands, Clock clock) {
        this.events = events;
        this.audiences = audiences;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(AudienceExportRequested request) {
        List<Object> history = events.readEvents(request.executionId()).asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
        if (history.isEmpty() || !(history.get(0) instanceof ExecutionStarted started)
                || !started.workspaceId().equals(request.workspaceId())) {
            fail(request, "execution " + request.executionId() + " does not exist in this workspace");
            return;
        }

        if (started.flow().components().stream().noneMatch(c -> c.id().equals(request.componentId()))) {
            fail(request, "execution " + request.executionId() + " has no component " + request.componentId());
            return;
        }
        String audienceId = idOf(request.operationId());
        String sourceAudience = entryAudienceOf(started);
        Map<String, UserResult> resumedAs = resumedResults(request, history);
        Set<String> exported = new HashSet<>();
        long chunk = 0;
        long size = 0;
        for (Object event : history) {
            if (event instanceof ExecutionBatchRecorded batch) {
                List<AudienceMember> chosen = chosen(request, batch, sourceAudience, resumedAs, exported);
                audiences.replaceChunk(audienceId, chunk++, chosen);
                size += chosen.size();
            }
        }
        register(request, audienceId, size, chunk);
    }

    private void register(AudienceExportRequested request, String audienceId, long size, long chunks) {
        audiences.registerGenerated(audienceId, request.workspaceId(), request.name(), size, chunks, clock.instant());
        try {
            commands.sendAndWait(new RegisterAudience(audienceId, request.workspaceId(), request.name(), size,
                    "EXPORT:" + request.executionId() + "/" + request.componentId(), clock.instant()));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Registered by an earlier delivery of the same request.
        }
        commands.sendAndWait(new CompleteAudienceExport(request.operationId(), audienceId, size, clock.instant()));
        log.info("Export [{}] saved {} users of component [{}] in execution [{}] as audience [{}]",
                request.operationId(), size, request.componentId(), request.executionId(), audienceId);
    }

    /**
     * The users who waited at the component and have since left it, with the result they left with: that result,
     * not the WAITING they were first recorded with, decides whether they are exported.
     */
    private static Map<String, UserResult> resumedResults(AudienceExportRequested request, List<Object> history) {
        Map<String, UserResult> results = new HashMap<>();
        history.stream()
                .filter(ExecutionBatchRecorded.class::isInstance)
                .flatMap(event -> ((ExecutionBatchRecorded) event).components().stream())
                .filter(outcomes -> outcomes.resumed() && outcomes.componentId().equals(request.componentId()))
                .flatMap(outcomes -> outcomes.outcomes().stream())
                .forEach(outcome -> results.put(outcome.userId(), outcome.result()));
        return results;
    }

    /**
     * The users of the batch to export, each with its latest result at the component, and each once over the whole
     * export: a user who waited is exported from the batch it entered by, with the result it left with.
     */
    private List<AudienceMember> chosen(AudienceExportRequested request, ExecutionBatchRecorded batch,
                                        String sourceAudience, Map<String, UserResult> resumedAs,
                                        Set<String> exported) {
        Set<String> userIds = batch.components().stream()
                .filter(outcomes -> !outcomes.resumed() && outcomes.componentId().equals(request.componentId()))
                .map(ComponentOutcomes::outcomes)
                .flatMap(List::stream)
                .filter(outcome -> request.results().contains(resumedAs.getOrDefault(outcome.userId(),
                        outcome.result())))
                .map(UserOutcome::userId)
                .filter(exported::add)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<String, AudienceMember> known = sourceAudience == null ? Map.of()
                : audiences.chunk(sourceAudience, batch.batchNumber()).stream()
                .collect(Collectors.toMap(AudienceMember::userId, Function.identity(), (a, b) -> a));
        List<AudienceMember> chosen = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            chosen.add(known.getOrDefault(userId, new AudienceMember(userId, Map.of(), Set.of())));
        }
        return chosen;
    }

    private static String entryAudienceOf(ExecutionStarted started) {
        return started.flow().components().stream()
                .filter(component -> component.type() == ComponentType.TARGET_AUDIENCE)
                .map(FlowComponent::config)
                .map(config -> (String) config.get("audienceId"))
                .findFirst()
                .orElse(null);
    }

    private void fail(AudienceExportRequested request, String reason) {
        commands.sendAndWait(new FailAudienceExport(request.operationId(), reason, clock.instant()));
        log.warn("Export [{}] failed: {}", request.operationId(), reason);
    }

    private static String idOf(String operationId) {
        return UUID.nameUUIDFromBytes(("export:" + operationId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
