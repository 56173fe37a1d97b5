package io.automark.events.execution;

/** The status of one execution of a campaign. */
public enum ExecutionStatus {
    IN_PROGRESS, COMPLETED, ABNORMAL_END, STOPPED;

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }
}
