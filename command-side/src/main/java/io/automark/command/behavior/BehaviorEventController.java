package io.automark.command.behavior;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import io.automark.command.web.IsoInstantDeserializer;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Takes behaviour events; answers 202 once the users they let in are queued for their executions. */
@RestController
@RequestMapping(WORKSPACE + "/events")
public class BehaviorEventController {

    static final int MAX_EVENTS = 5000;

    private final BehaviorIntake intake;
    private final Validator validator;
    private final OccurredAtRule occurredAt;

    public BehaviorEventController(BehaviorIntake intake, Validator validator, OccurredAtRule occurredAt) {
        this.intake = intake;
        this.validator = validator;
        this.occurredAt = occurredAt;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Integer> accept(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @RequestBody List<EventRequest> events) {
        check(events);

        List<BehaviorEvent> accepted = events.stream()
                .map(event -> new BehaviorEvent(event.userId(), event.type(), event.occurredAt(), event.properties()))
                .toList();
        return Map.of("accepted", accepted.size(), "entered", intake.accept(ws, accepted));
    }

    /**
     * Refuses the whole body when one event is invalid, listing every problem of every event under its place in the
     * body, such as {@code [3].occurredAt}. The events are checked here rather than by method validation, whose
     * answer could not name an event's place in a list body.
     */
    private void check(List<EventRequest> events) {
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new InvalidInputException("body", "must hold from 1 to " + MAX_EVENTS + " events");
        }

        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            problems.addAll(problemsOf(events.get(i), "[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<Problem> problemsOf(EventRequest event, String path) {
        if (event == null) {
            return List.of(new Problem(path, "must be an event, not null"));
        }
        List<Problem> problems = new ArrayList<>();
        validator.validate(event).forEach(violation -> problems.add(new Problem(
                path + "." + violation.getPropertyPath(), violation.getMessage())));
        String late = event.occurredAt() == null ? null : occurredAt.problemOf(event.occurredAt());
        if (late != null) {
            problems.add(new Problem(path + ".occurredAt", late));
        }
        problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::message));
        return problems;
    }

    /**
     * One event as a client sends it.
     *
     * @param occurredAt an ISO-8601 instant in a string, at most {@code automark.behavior.max-clock-skew} ahead
     */
    public record EventRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String userId,
                               @NotBlank @Size(max = 100) String type,
                               @NotNull @JsonDeserialize(using = IsoInstantDeserializer.class) Instant occurredAt,
                               Map<String, Object> properties) {
    }
}
