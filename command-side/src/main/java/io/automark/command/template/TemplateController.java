package io.automark.command.template;

import io.automark.command.campaign.CampaignRequest;
import io.automark.command.group.GroupCheck;
import io.automark.command.template.Template.CreateCampaignFromTemplate;
import io.automark.command.template.Template.SaveTemplate;
import io.automark.command.web.CommandAnswer;
import io.automark.command.web.CommandSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

/** Templates over HTTP: save a named flow, and create a campaign from one. */
@RestController
@RequestMapping(WORKSPACE + "/templates")
public class TemplateController {

    private final CommandSender commands;
    private final GroupCheck groups;
    private final Clock clock;

    public TemplateController(CommandSender commands, GroupCheck groups, Clock clock) {
        this.commands = commands;
        this.groups = groups;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<CommandAnswer> save(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                              @RequestBody @Valid TemplateRequest request,
                                              @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                              String actor) {
        String templateId = UUID.randomUUID().toString();

        commands.send(new SaveTemplate(templateId, ws, request.name().trim(), request.flow().toDefinition(),
                clock.instant()), actor);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/templates/" + templateId))
                .body(new CommandAnswer(templateId, 1));
    }

    @PostMapping("/{id}/campaigns")
    public ResponseEntity<CommandAnswer> createCampaign(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                                        @PathVariable @Pattern(regexp = ID) String id,
                                                        @RequestBody @Valid FromTemplateRequest request,
                                                        @RequestHeader(name = ACTOR_HEADER,
                                                                defaultValue = ANONYMOUS) String actor) {
        String campaignId = UUID.randomUUID().toString();
        groups.requireExists(ws, request.groupId(), actor);

        commands.send(new CreateCampaignFromTemplate(id, ws, campaignId, request.name().trim(), request.groupId(),
                clock.instant()), actor);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/campaigns/" + campaignId))
                .body(new CommandAnswer(campaignId, 2));
    }

    public record TemplateRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid CampaignRequest.Flow flow) {
    }

    public record FromTemplateRequest(@NotBlank @Size(max = 200) String name, @Pattern(regexp = ID) String groupId) {
    }
}
