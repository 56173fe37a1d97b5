package io.automark.events.campaign;

/** The lifecycle status of a campaign. */
public enum CampaignStatus { DRAFT, NOT_STARTED, IN_PROGRESS, STOPPED, FINISHED }
