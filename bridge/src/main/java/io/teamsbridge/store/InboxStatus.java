package io.teamsbridge.store;

/** PENDING → CLAIMED → DONE, or back to PENDING for a retry, or FAILED for good. */
public enum InboxStatus {
    PENDING,
    CLAIMED,
    DONE,
    FAILED
}
