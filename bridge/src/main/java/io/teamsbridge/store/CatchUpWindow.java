package io.teamsbridge.store;

import java.time.Instant;

/** A span of time whose messages are fetched from Graph again, and how far that has got. */
public record CatchUpWindow(long id, Instant from, Instant to, String reason, String doneThroughUser, int recovered,
        int graphRequests) {}
