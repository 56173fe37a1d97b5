package io.automark.command.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.automark.command.common.InvalidInputException;
import io.automark.command.common.Problem;
import io.automark.command.web.IsoInstantDeserializer;
import io.automark.command.web.JsonProblems;
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
import java.util.Optional;

import static io.automark.command.web.ApiPaths.WORKSPACE;
import static io.automark.command.web.ApiPaths.WORKSPACE_ID;

/** Takes behaviour events; answers 202 once the users they let in are queued for their executions. */
@RestController
@RequestMapping(WORKSPACE + "/events")
public class BehaviorEventController {

    static final int MAX_EVENTS = 5000;

    private final BehaviorIntake intake;
    private final ObjectMapper json;
    private final Validator validator;
    private final OccurredAtRule occurredAt;

    public BehaviorEventController(BehaviorIntake intake, ObjectMapper json, Validator validator,
                                   OccurredAtRule occurredAt) {
        this.intake = intake;
        this.json = json;
        this.validator = validator;
        this.occurredAt = occurredAt;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Integer> accept(@PathVariable @Pattern(regexp = WORKSPACE_ID) String ws,
                                       @RequestBody List<JsonNode> body) {
        List<EventRequest> events = read(body);

        List<BehaviorEvent> accepted = events.stream()
                .map(event -> new BehaviorEvent(event.userId(), event.type(), event.occurredAt(), event.properties()))
                .toList();
        return Map.of("accepted", accepted.size(), "entered", intake.accept(ws, accepted));
    }

    /**
     * Reads and checks the events, refusing the whole body when one event is invalid and listing every problem of
     * every event under its place in the body, such as {@code [3].occurredAt}. Each event is read on its own, so that
     * a value of the wrong type in one event does not hide the problems of the others; they are checked here rather
     * than by method validation, whose answer could not name an event's place in a list body.
     */
    private List<EventRequest> read(List<JsonNode> body) {
        if (body.isEmpty() || body.size() > MAX_EVENTS) {
            throw new InvalidInputException("body", "must hold from 1 to " + MAX_EVENTS + " events");
        }

        List<EventRequest> events = new ArrayList<>(body.size());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String path = "[" + i + "]";
            Optional<EventRequest> event = eventOf(body.get(i), path, problems);
            event.ifPresent(read -> problems.addAll(problemsOf(read, path)));
            event.ifPresent(events::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return events;
    }

    /** The event at {@code path}; empty, with the problem added, when it cannot be read as one. */
    private Optional<EventRequest> eventOf(JsonNode node, String path, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Problem(path, "must be an event, not null"));
            return Optional.empty();
        }
        try {
            return Optional.of(json.treeToValue(node, EventRequest.class));
        } catch (JsonMappingException e) {
            Problem problem = JsonProblems.of(e, path);
            problems.add(problem == null ? new Problem(path, "is not an event") : problem);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(path, "is not an event"));
        }
        return Optional.empty();
    }

    private List<Problem> problemsOf(EventRequest event, String path) {
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
