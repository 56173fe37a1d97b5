package io.automark.command.audience;

import io.automark.command.audience.AudienceExport.RequestAudienceExport;
import io.automark.command.web.CommandAnswer;
import io.automark.command.web.CommandSender;
import io.automark.events.execution.UserResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Saves the users a component handled with chosen results as a new audience; the request is an operation. */
@RestController
@RequestMapping(WORKSPACE + "/executions/{executionId}/components/{componentId}/audiences")
public class AudienceExportController {

    private final CommandSender commands;
    private final Clock clock;

    public AudienceExportController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Answers 202 with the operation's id at once; the operation's outcome is read on the query side. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CommandAnswer export(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                @PathVariable @Pattern(regexp = ID) String executionId,
                                @PathVariable @Pattern(regexp = ID) String componentId,
                                @RequestBody @Valid ExportRequest request,
                                @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        String operationId = UUID.randomUUID().toString();

        commands.send(new RequestAudienceExport(executionId, operationId, ws, componentId, request.name().trim(),
                request.results(), clock.instant()), actor);
        return new CommandAnswer(operationId, 1);
    }

    public record ExportRequest(@NotBlank @Size(max = 200) String name, @NotEmpty Set<@NotNull UserResult> results) {
    }
}
