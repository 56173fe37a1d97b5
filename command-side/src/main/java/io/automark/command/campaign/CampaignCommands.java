package io.automark.command.campaign;

import io.automark.events.campaign.CampaignContent;
import io.automark.events.execution.ExecutionStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands a campaign takes. Each carries the time it is decided at, so rules never read a clock. */
public final class CampaignCommands {

    private CampaignCommands() {
    }

    public record CreateCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId,
                                 CampaignContent content, Instant now) {
    }

    /** @param expectedVersion the version the client edited from, or null to edit whatever is current */
    public record SaveCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId,
                               CampaignContent content, Long expectedVersion, Instant now) {
    }

    /**
     * @param content     an edit to save before publishing, or null to publish what is saved
     * @param executionId the id the execution gets when the publish starts a run now
     */
    public record PublishCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId,
                                  CampaignContent content, Long expectedVersion, String executionId, Instant now) {
    }

    public record StopCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId, Instant now) {
    }

    /** @param version the version to run; null for the published one */
    public record StartCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId, Integer version,
                                String executionId, Instant now) {
    }

    /** Stops a campaign when {@code version} is the version it runs. */
    public record StopCampaignVersion(@TargetAggregateIdentifier String campaignId, String workspaceId, int version,
                                      Instant now) {
    }

    /**
     * Copies a version of the campaign into a new DRAFT.
     *
     * @param version null for the current version
     */
    public record CopyCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId, Integer version,
                               String copyId, Instant now) {
    }

    /** @param groupId null for Ungrouped */
    public record MoveCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId, String groupId,
                               Instant now) {
    }

    public record DeleteCampaign(@TargetAggregateIdentifier String campaignId, String workspaceId, Instant now) {
    }

    /** Sent by the command side itself when an execution of the campaign ended. */
    public record CompleteCampaignRun(@TargetAggregateIdentifier String campaignId, String executionId,
                                      ExecutionStatus status, Instant now) {
    }
}
