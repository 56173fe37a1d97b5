package io.automark.command.execution;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.automark.command.abtest.AbTestCommands.DecideAbTest;
import io.automark.command.abtest.AbTestCommands.RecordAbTestGoals;
import io.automark.command.audience.AudienceExport;
import io.automark.command.audience.AudienceExport.RequestAudienceExport;
import io.automark.command.common.NotFoundException;
import io.automark.command.execution.ExecutionCommands.FinishExecution;
import io.automark.command.execution.ExecutionCommands.ReExecute;
import io.automark.command.execution.ExecutionCommands.RecordExecutionBatch;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.execution.AbTestDecided;
import io.automark.events.execution.AbTestGoalsAchieved;
import io.automark.events.execution.AbTestGoalsAchieved.GoalAchievement;
import io.automark.events.execution.ExecutionBatchRecorded;
import io.automark.events.execution.ExecutionFinished;
import io.automark.events.execution.ExecutionReExecuted;
import io.automark.events.execution.ExecutionStarted;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One run of a campaign. It guards that each batch of results is recorded once and that nothing is recorded after
 * the run ended. A campaign creates it when a run starts.
 */
// Snapshots are written with Jackson from the fields; the aggregate has no getters.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(cache = "executionCache", snapshotTriggerDefinition = "executionSnapshots")
public class Execution {

    @AggregateIdentifier
    private String executionId;
    private String campaignId;
    private String workspaceId;
    private ExecutionStatus status;
    private int flowVersion;
    private FlowDefinition flow;
    private String reExecutedAs;
    private long version;
    private final Set<Long> recordedBatches = new HashSet<>();
    /** Per AB test component: the users put in each group, the users of each group who reached the goal. */
    private final Map<String, Map<String, Long>> abInflow = new HashMap<>();
    private final Map<String, Map<String, Long>> abGoals = new HashMap<>();
    private final Map<String, Set<String>> abAchievers = new HashMap<>();
    private final Set<String> abDecided = new HashSet<>();

    protected Execution() {
        // Axon rebuilds the execution from its events through this constructor.
    }

    public Execution(String executionId, String campaignId, String workspaceId, int flowVersion, FlowDefinition flow,
                     Instant now) {
        apply(new ExecutionStarted(executionId, campaignId, workspaceId, flowVersion, flow, now));
    }

    @CommandHandler
    public boolean handle(RecordExecutionBatch command) {
        // A batch that was in flight when the run was stopped still reports what it sent, so nothing goes unrecorded.
        if (status == ExecutionStatus.COMPLETED || status == ExecutionStatus.ABNORMAL_END) {
            throw new ExecutionNotRunning(executionId, status);
        }
        if (recordedBatches.contains(command.batchNumber())) {
            return false;
        }

        apply(new ExecutionBatchRecorded(executionId, campaignId, workspaceId, command.batchNumber(),
                command.components(), command.now()));
        return true;
    }

    /** Goals count in any status: a test's window may stay open after the run went through its users. */
    @CommandHandler
    public int handle(RecordAbTestGoals command) {
        if (abDecided.contains(command.componentId())) {
            return 0;
        }
        Set<String> known = abAchievers.getOrDefault(command.componentId(), Set.of());
        Map<String, GoalAchievement> fresh = new LinkedHashMap<>();
        command.achievements().stream()
                .filter(goal -> !known.contains(goal.userId()))
                .forEach(goal -> fresh.putIfAbsent(goal.userId(), goal));
        if (fresh.isEmpty()) {
            return 0;
        }

        apply(new AbTestGoalsAchieved(executionId, campaignId, workspaceId, command.componentId(),
                List.copyOf(fresh.values()), command.now()));
        return fresh.size();
    }

    @CommandHandler
    public boolean handle(DecideAbTest command) {
        if (abDecided.contains(command.componentId())) {
            return false;
        }
        Map<String, Long> inflow = abInflow.getOrDefault(command.componentId(), Map.of());
        Map<String, Long> goals = abGoals.getOrDefault(command.componentId(), Map.of());
        String winner = AbTestWinner.of(groupsOf(command.componentId()), inflow, goals);

        apply(new AbTestDecided(executionId, campaignId, workspaceId, command.componentId(), winner, inflow, goals,
                command.now()));
        return true;
    }

    @CommandHandler
    public boolean handle(FinishExecution command) {
        if (status.isFinal()) {
            return false;
        }

        apply(new ExecutionFinished(executionId, campaignId, workspaceId, command.status(), command.reason(),
                command.now()));
        return true;
    }

    @CommandHandler
    public long handle(StopExecution command, ExecutionStops stops) {
        checkWorkspace(command.workspaceId());
        checkRunning();

        apply(new ExecutionFinished(executionId, campaignId, workspaceId, ExecutionStatus.STOPPED, command.reason(),
                command.now()));
        // Workers check the mark before each slice of sends, so nothing more starts once the stop is answered.
        stops.markWhenStored(List.of(executionId), command.reason(), command.now());
        return version;
    }

    @CommandHandler
    public String handle(ReExecute command) {
        checkWorkspace(command.workspaceId());
        if (status != ExecutionStatus.ABNORMAL_END) {
            throw new ExecutionNotReExecutable(executionId, "it ended " + status + ", not ABNORMAL_END");
        }
        if (reExecutedAs != null) {
            throw new ExecutionNotReExecutable(executionId, "it was already run again as " + reExecutedAs);
        }

        apply(new ExecutionReExecuted(executionId, campaignId, workspaceId, command.newExecutionId(), command.now()));
        try {
            createNew(Execution.class, () -> new Execution(command.newExecutionId(), campaignId, workspaceId,
                    flowVersion, flow, command.now()));
        } catch (Exception e) {
            throw new IllegalStateException("execution " + command.newExecutionId() + " could not be created", e);
        }
        return command.newExecutionId();
    }

    /** Opens the operation that saves users of one of this run's components as an audience. */
    @CommandHandler
    public String handle(RequestAudienceExport command) {
        checkWorkspace(command.workspaceId());
        if (flow.components().stream().noneMatch(component -> component.id().equals(command.componentId()))) {
            throw new NotFoundException("component", command.componentId());
        }

        try {
            createNew(AudienceExport.class, () -> new AudienceExport(command));
        } catch (Exception e) {
            throw new IllegalStateException("operation " + command.operationId() + " could not be opened", e);
        }
        return command.operationId();
    }

    @SuppressWarnings("unchecked")
    private List<String> groupsOf(String componentId) {
        return flow.components().stream()
                .filter(component -> component.id().equals(componentId))
                .flatMap(component -> ((List<Map<String, Object>>) component.config().get("groups")).stream())
                .map(group -> (String) group.get("name"))
                .toList();
    }

    private void checkWorkspace(String workspace) {
        if (!workspaceId.equals(workspace)) {
            throw new NotFoundException("execution", executionId);
        }
    }

    private void checkRunning() {
        if (status.isFinal()) {
            throw new ExecutionNotRunning(executionId, status);
        }
    }

    @EventSourcingHandler
    void on(ExecutionStarted event) {
        executionId = event.executionId();
        campaignId = event.campaignId();
        workspaceId = event.workspaceId();
        flowVersion = event.flowVersion();
        flow = event.flow();
        status = ExecutionStatus.IN_PROGRESS;
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionBatchRecorded event) {
        recordedBatches.add(event.batchNumber());
        event.components().stream()
                .filter(outcomes -> outcomes.type() == ComponentType.AB_TEST)
                .forEach(outcomes -> outcomes.groups().forEach(group -> abInflow
                        .computeIfAbsent(outcomes.componentId(), id -> new HashMap<>())
                        .merge(group.branch(), (long) group.userIds().size(), Long::sum)));
        version++;
    }

    @EventSourcingHandler
    void on(AbTestGoalsAchieved event) {
        Set<String> achievers = abAchievers.computeIfAbsent(event.componentId(), id -> new HashSet<>());
        Map<String, Long> goals = abGoals.computeIfAbsent(event.componentId(), id -> new HashMap<>());
        for (GoalAchievement goal : event.achievements()) {
            achievers.add(goal.userId());
            goals.merge(goal.group(), 1L, Long::sum);
        }
        version++;
    }

    @EventSourcingHandler
    void on(AbTestDecided event) {
        abDecided.add(event.componentId());
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionReExecuted event) {
        reExecutedAs = event.newExecutionId();
        version++;
    }

    @EventSourcingHandler
    void on(ExecutionFinished event) {
        status = event.status();
        version++;
    }
}
