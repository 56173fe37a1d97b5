package io.automark.command.campaign;

import io.automark.events.campaign.CampaignContent;
import io.automark.events.campaign.ComponentType;
import io.automark.events.campaign.FlowComponent;
import io.automark.events.campaign.FlowDefinition;
import io.automark.events.campaign.FlowEdge;
import io.automark.events.campaign.Schedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a create, save or publish request. Component types arrive as text so that an unknown type is
 * listed with every other problem of the flow instead of failing the whole body.
 */
public record CampaignRequest(@NotBlank @Size(max = 200) String name,
                              @Size(max = 2000) String description,
                              @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}") String groupId,
                              @Size(max = 100) List<@NotBlank String> subCampaigns,
                              @NotNull @Valid Flow flow,
                              @Valid ScheduleRequest schedule) {

    public CampaignContent toContent() {
        return new CampaignContent(name.trim(), description, groupId, subCampaigns, flow.toDefinition(),
                schedule == null ? Schedule.NONE : schedule.toSchedule());
    }

    public record Flow(@NotNull @Size(max = 200) List<@NotNull Component> components,
                       @Size(max = 1000) List<@NotNull Edge> edges) {

        public FlowDefinition toDefinition() {
            return new FlowDefinition(
                    components.stream().map(Component::toComponent).toList(),
                    edges == null ? List.of() : edges.stream().map(Edge::toEdge).toList());
        }
    }

    public record Component(String id, String type, Map<String, Object> config) {

        FlowComponent toComponent() {
            return new FlowComponent(id, typeOf(type), withoutNulls(config));
        }

        /** A key set to null is read as a key left out. */
        private static Map<String, Object> withoutNulls(Map<String, Object> config) {
            if (config == null) {
                return null;
            }
            Map<String, Object> present = new LinkedHashMap<>();
            config.forEach((key, value) -> {
                if (value != null) {
                    present.put(key, value);
                }
            });
            return present;
        }

        private static ComponentType typeOf(String type) {
            return Arrays.stream(ComponentType.values())
                    .filter(known -> known.name().equals(type))
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Edge(String from, String to, String branch) {

        FlowEdge toEdge() {
            return new FlowEdge(from, to, branch);
        }
    }

    public record ScheduleRequest(Instant startAt, Instant endAt, @Valid RecurrenceRequest recurrence,
                                  @Positive Integer maxRuns) {

        Schedule toSchedule() {
            return new Schedule(startAt, endAt, recurrence == null ? null : recurrence.toRecurrence(), maxRuns);
        }
    }

    public record RecurrenceRequest(@NotBlank String cron, @NotBlank String timeZone) {

        Schedule.Recurrence toRecurrence() {
            return new Schedule.Recurrence(cron, timeZone);
        }
    }
}
