package io.automark.command.group;

import io.automark.command.group.GroupCommands.AddGroup;
import io.automark.command.group.GroupCommands.DeleteGroup;
import io.automark.command.group.GroupCommands.MoveGroup;
import io.automark.command.group.GroupCommands.RenameGroup;
import io.automark.command.web.CommandSender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static io.automark.command.web.ApiPaths.ACTOR_HEADER;
import static io.automark.command.web.ApiPaths.ANONYMOUS;
import static io.automark.command.web.ApiPaths.ID;
import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Group commands over HTTP: add (as a child, or a sibling by parent and position), rename, move, delete. */
@RestController
@RequestMapping(WORKSPACE + "/groups")
public class GroupController {

    private final CommandSender commands;
    private final Clock clock;

    public GroupController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> add(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                                   @RequestBody @Valid AddRequest request,
                                                   @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS)
                                                   String actor) {
        String groupId = UUID.randomUUID().toString();

        commands.send(new AddGroup(GroupTree.idOf(ws), ws, groupId, request.name().trim(), request.parentId(),
                request.position(), clock.instant()), actor);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + ws + "/groups/" + groupId))
                .body(Map.of("id", groupId));
    }

    @PatchMapping("/{id}")
    public Map<String, String> rename(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                      @PathVariable @Pattern(regexp = ID) String id,
                                      @RequestBody @Valid RenameRequest request,
                                      @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        commands.send(new RenameGroup(GroupTree.idOf(ws), id, request.name().trim(), clock.instant()), actor);
        return Map.of("id", id);
    }

    @PostMapping("/{id}/move")
    public Map<String, String> move(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                    @PathVariable @Pattern(regexp = ID) String id,
                                    @RequestBody @Valid MoveRequest request,
                                    @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        commands.send(new MoveGroup(GroupTree.idOf(ws), id, request.parentId(), request.position(),
                clock.instant()), actor);
        return Map.of("id", id);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @PathVariable @Pattern(regexp = ID) String id,
                                       @RequestHeader(name = ACTOR_HEADER, defaultValue = ANONYMOUS) String actor) {
        commands.send(new DeleteGroup(GroupTree.idOf(ws), id, clock.instant()), actor);
        return ResponseEntity.noContent().build();
    }

    /** @param position 0-based place among the siblings; absent to add after the last one */
    public record AddRequest(@NotBlank @Size(max = 100) String name, @Pattern(regexp = ID) String parentId,
                             @PositiveOrZero Integer position) {
    }

    public record RenameRequest(@NotBlank @Size(max = 100) String name) {
    }

    public record MoveRequest(@Pattern(regexp = ID) String parentId, @NotNull @PositiveOrZero Integer position) {
    }
}
