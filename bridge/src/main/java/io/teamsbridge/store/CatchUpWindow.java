package io.teamsbridge.store;

import java.time.Instant;

/**
 * A span of time whose messages are fetched from Graph again, and how far that has got; for every
 * connected user, or for one ({@code teamsUserId}, whose own subscription was lost).
 */
public record CatchUpWindow(long id, Instant from, Instant to, String reason, String doneThroughUser, int recovered,
        int graphRequests, String teamsUserId) {

    public CatchUpWindow withProgress(String doneThroughUser, int recovered, int graphRequests) {
        return new CatchUpWindow(id, from, to, reason, doneThroughUser, recovered, graphRequests, teamsUserId);
    }
}
