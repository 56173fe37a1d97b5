package io.automark.events.campaign;

/**
 * A directed edge between two components.
 *
 * @param from   the id of the upstream component
 * @param to     the id of the downstream component
 * @param branch which outcome of {@code from} follows this edge; null for components that do not branch
 */
public record FlowEdge(String from, String to, String branch) {
}
