package io.automark.command.waiting;

import org.springframework.stereotype.Component;

/** The stores and the waker of waiting users, handed to the execution workers as one. */
@Component
public record Waits(WaitingUsers users, ResumeBatches batches, ExecutionFlows flows, WaitWaker waker) {
}
