package io.automark.command.execution;

import io.automark.command.execution.ExecutionCommands.ReExecute;
import io.automark.command.execution.ExecutionCommands.StopExecution;
import io.automark.command.web.CommandAnswer;
import io.automark.command.web.CommandSender;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.UUID;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Execution commands over HTTP. */
@RestController
@RequestMapping(WORKSPACE + "/executions")
public class ExecutionController {

    private final CommandSender commands;
    private final Clock clock;

    public ExecutionController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Runs an abnormally ended execution again; answers 202 with the new execution's id. */
    @PostMapping("/{executionId}/re-execute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CommandAnswer reExecute(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                   @PathVariable @Pattern(regexp = ID) String executionId,
                                   @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        String newExecutionId = commands.send(new ReExecute(executionId, ws, UUID.randomUUID().toString(),
                clock.instant()), actor);
        return new CommandAnswer(newExecutionId, 1);
    }

    @PostMapping("/{executionId}/stop")
    public CommandAnswer stop(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                              @PathVariable @Pattern(regexp = ID) String executionId,
                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        long version = commands.send(new StopExecution(executionId, ws, "stopped by " + actor, clock.instant()),
                actor);
        return new CommandAnswer(executionId, version);
    }
}
