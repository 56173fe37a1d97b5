package io.automark.query.execution;

import io.automark.events.campaign.ComponentType;

/**
 * A component of the flow an execution runs.
 *
 * @param rank its place in a topological order of the flow: a user meets lower ranks first
 */
public record ExecutionComponent(String componentId, ComponentType type, int rank) {
}
