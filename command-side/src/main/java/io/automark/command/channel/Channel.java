package io.automark.command.channel;

import io.automark.events.campaign.ComponentType;

import java.util.List;
import java.util.Set;

/**
 * A way to reach users: the provider interface every sending component goes through. A deployment plugs in its
 * vendor by configuration; shipped channels are real network clients.
 */
public interface Channel {

    Set<ComponentType> types();

    /**
     * Sends one message to each recipient and answers one result per recipient, in the same order. A failure to
     * reach one recipient is a failed result, never an exception.
     */
    List<SendResult> send(SendBatch batch);
}
