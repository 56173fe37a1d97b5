package io.automark.command.behavior;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Takes behaviour events; answers 202 once the users they let in are queued for their executions. */
@RestController
@Validated
@RequestMapping(WORKSPACE + "/events")
public class BehaviorEventController {

    private final BehaviorIntake intake;

    public BehaviorEventController(BehaviorIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Integer> accept(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @RequestBody @NotEmpty @Size(max = 5000) List<@NotNull @Valid EventRequest>
                                               events) {
        List<BehaviorEvent> accepted = events.stream()
                .map(event -> new BehaviorEvent(event.userId(), event.type(), event.occurredAt(), event.properties()))
                .toList();
        return Map.of("accepted", accepted.size(), "entered", intake.accept(ws, accepted));
    }

    public record EventRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String userId,
                               @NotBlank @Size(max = 100) String type,
                               @NotNull Instant occurredAt,
                               Map<String, Object> properties) {
    }
}
