package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.DeleteCampaign;
import io.automark.command.campaign.CampaignCommands.MoveCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.common.DomainException;
import io.automark.command.group.GroupCheck;
import io.automark.command.web.CommandSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/**
 * Campaign commands over many ids. Each id is a command of its own and gets its own answer; a refused id never
 * blocks the others.
 */
@RestController
@RequestMapping(WORKSPACE + "/campaigns")
public class BatchCampaignController {

    private final CommandSender commands;
    private final GroupCheck groups;
    private final Clock clock;

    public BatchCampaignController(CommandSender commands, GroupCheck groups, Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.clock = clock;
    }

    @PostMapping("/batch-stop")
    public BatchAnswer stop(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                            @RequestBody @Valid BatchRequest request,
                            @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return forEach(request, actor, id -> new StopCampaign(id, ws, clock.instant()));
    }

    @PostMapping("/batch-delete")
    public BatchAnswer delete(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                              @RequestBody @Valid BatchRequest request,
                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return forEach(request, actor, id -> new DeleteCampaign(id, ws, clock.instant()));
    }

    @PostMapping("/batch-move")
    public BatchAnswer move(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                            @RequestBody @Valid BatchRequest request,
                            @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        groups.requireExists(ws, request.groupId(), actor);

        return forEach(request, actor, id -> new MoveCampaign(id, ws, request.groupId(), clock.instant()));
    }

    private BatchAnswer forEach(BatchRequest request, String actor, Function<String, Object> command) {
        return new BatchAnswer(new LinkedHashSet<>(request.ids()).stream()
                .map(id -> attempt(id, () -> commands.send(command.apply(id), actor)))
                .toList());
    }

    private static Result attempt(String id, Runnable send) {
        try {
            send.run();
            return new Result(id, true, null, null);
        } catch (DomainException e) {
            return new Result(id, false, e.code(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            return new Result(id, false, "NOT_FOUND", "campaign " + id + " does not exist in this workspace");
        }
    }

    /** @param groupId the target group of a batch move; null for Ungrouped */
    public record BatchRequest(@NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = ID) String> ids,
                               @Pattern(regexp = ID) String groupId) {
    }

    public record BatchAnswer(List<Result> results) {
    }

    /** One id's answer; {@code code} and {@code detail} only when it was refused. */
    public record Result(String id, boolean ok, String code, String detail) {
    }
}
