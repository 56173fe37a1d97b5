package io.automark.command.abtest;

import java.time.Duration;

/** One AB_TEST component in one execution, with its goal. */
public record AbTest(String executionId, String campaignId, String workspaceId, String componentId,
                     String goalEventType, Duration window) {

    public String id() {
        return executionId + ":" + componentId;
    }
}
