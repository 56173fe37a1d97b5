package io.automark.command.campaign;

import io.automark.command.campaign.CampaignCommands.CreateCampaign;
import io.automark.command.campaign.CampaignCommands.PublishCampaign;
import io.automark.command.campaign.CampaignCommands.SaveCampaign;
import io.automark.command.campaign.CampaignCommands.StartCampaign;
import io.automark.command.campaign.CampaignCommands.StopCampaign;
import io.automark.command.common.InvalidInputException;
import io.automark.command.web.CommandAnswer;
import io.automark.command.web.CommandSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
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

/** Campaign commands over HTTP. Each answers once the campaign's events are stored. */
@RestController
@RequestMapping(WORKSPACE + "/campaigns")
public class CampaignController {

    private final CommandSender commands;
    private final Clock clock;

    public CampaignController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<CommandAnswer> create(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                                @RequestBody @Valid CampaignRequest request,
                                                @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                                String actor) {
        String campaignId = UUID.randomUUID().toString();

        commands.send(new CreateCampaign(campaignId, ws, request.toContent(), clock.instant()), actor);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/campaigns/" + campaignId))
                .body(new CommandAnswer(campaignId, 1));
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
        long version = commands.send(new StopCampaign(id, ws, clock.instant()), actor);
        return new CommandAnswer(id, version);
    }

    @PostMapping("/{id}/start")
    public CommandAnswer start(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                               @PathVariable @Pattern(regexp = ID) String id,
                               @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        long version = commands.send(new StartCampaign(id, ws, UUID.randomUUID().toString(), clock.instant()),
                actor);
        return new CommandAnswer(id, version);
    }

    /** Reads {@code If-Match: "3"} (quotes and a weak prefix allowed); null when absent. */
    static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String bare = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(bare);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be a campaign version such as \"3\"");
        }
    }
}
