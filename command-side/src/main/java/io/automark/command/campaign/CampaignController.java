package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CopyCampaign;
import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.DeleteCampaign;
import io.automark.command.campaign.CampaignCommands.MoveCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaignVersion;
import io.automark.command.common.InvalidInputException;
import io.automark.command.group.GroupCheck;
import io.automark.command.web.CommandAnswer;
import io.automark.command.web.CommandSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Campaign commands over HTTP, one campaign at a time. Each answers once the campaign's events are stored. */
@RestController
@RequestMapping(WORKSPACE + "/campaigns")
public class CampaignController {

    private final CommandSender commands;
    private final GroupCheck groups;
    private final Clock clock;

    public CampaignController(CommandSender commands, GroupCheck groups, Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<CommandAnswer> create(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                                @RequestBody @Valid CampaignRequest request,
                                                @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                                String actor) {
        String campaignId = UUID.randomUUID().toString();
        groups.requireExists(ws, request.groupId(), actor);

        commands.send(new CreateCampaign(campaignId, ws, request.toContent(), clock.instant()), actor);
        return created(ws, campaignId, 1);
    }

    @PutMapping("/{id}")
    public CommandAnswer save(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                              @PathVariable @Pattern(regexp = ID) String id,
                              @RequestBody @Valid CampaignRequest request,
                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        long version = commands.send(new SaveCampaign(id, ws, request.toContent(), versionOf(ifMatch),
                clock.instant()), actor);
        return new CommandAnswer(id, version);
    }

    @PostMapping("/{id}/publish")
    public CommandAnswer publish(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                 @PathVariable @Pattern(regexp = ID) String id,
                                 @RequestBody(required = false) @Valid CampaignRequest edit,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        String executionId = UUID.randomUUID().toString();
        long version = commands.send(new PublishCampaign(id, ws, edit == null ? null : edit.toContent(),
                versionOf(ifMatch), executionId, clock.instant()), actor);
        return new CommandAnswer(id, version);
    }

    @PostMapping("/{id}/stop")
    public CommandAnswer stop(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                              @PathVariable @Pattern(regexp = ID) String id,
                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return answer(id, commands.send(new StopCampaign(id, ws, clock.instant()), actor));
    }

    @PostMapping("/{id}/start")
    public CommandAnswer start(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                               @PathVariable @Pattern(regexp = ID) String id,
                               @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return answer(id, commands.send(new StartCampaign(id, ws, null, UUID.randomUUID().toString(),
                clock.instant()), actor));
    }

    @PostMapping("/{id}/copy")
    public ResponseEntity<CommandAnswer> copy(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                              @PathVariable @Pattern(regexp = ID) String id,
                                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                              String actor) {
        return copyVersion(ws, id, null, actor);
    }

    @PostMapping("/{id}/move")
    public CommandAnswer move(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                              @PathVariable @Pattern(regexp = ID) String id,
                              @RequestBody @Valid MoveRequest request,
                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        groups.requireExists(ws, request.groupId(), actor);

        return answer(id, commands.send(new MoveCampaign(id, ws, request.groupId(), clock.instant()), actor));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @PathVariable @Pattern(regexp = ID) String id,
                                       @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        commands.send(new DeleteCampaign(id, ws, clock.instant()), actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/versions/{v}/stop")
    public CommandAnswer stopVersion(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                     @PathVariable @Pattern(regexp = ID) String id,
                                     @PathVariable @Positive int v,
                                     @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return answer(id, commands.send(new StopCampaignVersion(id, ws, v, clock.instant()), actor));
    }

    @PostMapping("/{id}/versions/{v}/start")
    public CommandAnswer startVersion(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                      @PathVariable @Pattern(regexp = ID) String id,
                                      @PathVariable @Positive int v,
                                      @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        return answer(id, commands.send(new StartCampaign(id, ws, v, UUID.randomUUID().toString(),
                clock.instant()), actor));
    }

    @PostMapping("/{id}/versions/{v}/copy")
    public ResponseEntity<CommandAnswer> copyVersion(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                                     @PathVariable @Pattern(regexp = ID) String id,
                                                     @PathVariable @Positive Integer v,
                                                     @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                                     String actor) {
        String copyId = UUID.randomUUID().toString();

        commands.send(new CopyCampaign(id, ws, v, copyId, clock.instant()), actor);
        return created(ws, copyId, 2);
    }

    private static ResponseEntity<CommandAnswer> created(String ws, String campaignId, long version) {
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/campaigns/" + campaignId))
                .body(new CommandAnswer(campaignId, version));
    }

    private static CommandAnswer answer(String id, long version) {
        return new CommandAnswer(id, version);
    }

    /** Reads {@code If-Match: "3"} (quotes and a weak prefix allowed); null when absent. */
    static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            long version = Long.parseLong(bare);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Answered below, as a version below 1 is.
        }
        throw new InvalidInputException("If-Match", "must be a campaign version such as \"3\"");
    }

    /** @param groupId null for Ungrouped */
    public record MoveRequest(@Pattern(regexp = ID) String groupId) {
    }
}
