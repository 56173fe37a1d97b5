package io.automark.query.audience.operation;

/** Where a request to save a component's users as an audience stands. */
public enum AudienceOperationStatus {
    PENDING, COMPLETED, FAILED
}
