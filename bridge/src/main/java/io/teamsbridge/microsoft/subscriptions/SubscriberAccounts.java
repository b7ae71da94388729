package io.teamsbridge.microsoft.subscriptions;

import java.util.Map;
import java.util.Optional;

/**
 * What per-user subscriptions need to know of the people connected: who they are, their tokens,
 * and a way to tell them. Implemented where connections live, so this package does not depend on it.
 */
public interface SubscriberAccounts {

    /** Every active connection now: Teams user id to Mattermost user id. */
    Map<String, String> connected();

    /** Grows with every connect, loss and disconnect, on any instance: a cheap "did anything change?". */
    long generation();

    /**
     * An access token of the user's, to act on their own subscription: a fresh one while they are
     * connected; after the connection was lost, the last one if it has not expired (enough to delete
     * what it created); else empty.
     *
     * @throws io.teamsbridge.microsoft.MicrosoftIdentityException when Microsoft cannot be asked now
     */
    Optional<String> accessToken(String teamsUserId);

    /**
     * A fresh access token of a connected user whose sign-in granted {@code permission} (a Graph
     * permission, such as Presence.Read.All); empty when they are not connected or did not grant it.
     *
     * @throws io.teamsbridge.microsoft.MicrosoftIdentityException when Microsoft cannot be asked now
     */
    Optional<String> accessTokenGranting(String teamsUserId, String permission);

    /** Tells the user, in their direct channel with the bot, that their notifications could not be turned on. */
    void tellRefused(String mattermostUserId, String why);
}
