package io.teamsbridge.store;

import java.util.List;

/**
 * A new message finished as it arrives, because nobody it concerns could be told of it: stored as
 * done from the start, without its payload, and with the decisions its users' lists show, in the
 * commit that stores the rest of its request.
 */
public record SettledOnArrival(NewInboxItem item, List<Decision> decisions) {
    public SettledOnArrival {
        decisions = List.copyOf(decisions);
    }
}
