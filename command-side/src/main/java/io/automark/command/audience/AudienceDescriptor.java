package io.automark.command.audience;

/**
 * An audience's entry in the store: where its members lie, not the members themselves.
 *
 * @param chunks how many chunks of members it has; the execution reads one chunk per batch
 * @param ready  false while an upload is still writing chunks
 */
public record AudienceDescriptor(String audienceId, String workspaceId, String name, long size, long chunks,
                                 boolean ready) {
}
