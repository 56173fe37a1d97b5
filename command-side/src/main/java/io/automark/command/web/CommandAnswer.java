package io.automark.command.web;

/** What a command answers once its events are stored: the id it acted on and the aggregate's new version. */
public record CommandAnswer(String id, long version) {
}
