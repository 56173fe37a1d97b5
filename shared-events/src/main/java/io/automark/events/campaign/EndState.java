package io.automark.events.campaign;

/** How a FINISHED campaign ended: NORMAL when every component ran, ABNORMAL when a run failed. */
public enum EndState { NORMAL, ABNORMAL }
