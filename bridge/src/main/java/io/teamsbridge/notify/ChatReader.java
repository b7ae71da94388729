package io.teamsbridge.notify;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.microsoft.subscriptions.SubscriberAccounts;
import io.teamsbridge.microsoft.subscriptions.SubscriptionRegistry;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a chat and its members from Graph as whoever may: the app, or, in the per-user mode with
 * delegated tokens (where the app may have no chat permission at all), a connected member. The
 * member is the owner of a subscription the chat's notification came through: Graph notified them
 * because they are in the chat, so their own token can read it. A chat that reached us otherwise
 * (through the tenant-wide subscription while the modes switch, or the catch-up) is read with the
 * app's token, which needs the application permission. A chat whose messages a member's own
 * catch-up listing found is read with that member's token.
 */
@Component
class ChatReader {
    private final GraphClient graph;
    private final SubscriptionRegistry subscriptions;
    private final SubscriberAccounts accounts;
    private final boolean asMembers;

    ChatReader(GraphClient graph, SubscriptionRegistry subscriptions, SubscriberAccounts accounts, MicrosoftProperties microsoft) {
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.asMembers = microsoft.subscription().usersOwnTokens();
    }

    /**
     * The delegated token to read a message's hosted contents (pasted images, code snippets) with,
     * chosen as for the chat itself; null for the app's.
     *
     * @throws io.teamsbridge.microsoft.MicrosoftIdentityException when Microsoft cannot be asked now
     */
    String contentToken(Collection<String> viaSubscriptions) {
        if (!asMembers) {
            return null;
        }
        for (String subscriptionId : viaSubscriptions) {
            Optional<String> token = memberToken(subscriptionId);
            if (token.isPresent()) {
                return token.get();
            }
        }
        return null;
    }

    /** The token of the member a subscription (or a member's catch-up listing) belongs to, if they can be asked now. */
    private Optional<String> memberToken(String subscriptionId) {
        return CatchUp.memberOf(subscriptionId).or(() -> subscriptions.ownerOf(subscriptionId)).flatMap(accounts::accessToken);
    }

    /**
     * @param viaSubscriptions the subscriptions the chat's notifications came through
     * @throws GraphException when Graph cannot answer now, or no member we could ask may read it
     */
    GraphWire.Chat read(String chatId, Collection<String> viaSubscriptions) {
        if (!asMembers) {
            return graph.chatWithMembers(chatId);
        }
        GraphException refused = null;
        for (String subscriptionId : viaSubscriptions) {
            Optional<String> token = memberToken(subscriptionId);
            if (token.isEmpty()) {
                continue;
            }
            try {
                return graph.chatWithMembers(chatId, token.get());
            } catch (GraphException e) {
                if (e.transientFailure()) {
                    throw e;
                }
                refused = e; // that member may have left the chat: ask the next
            }
        }
        if (refused != null) {
            throw refused;
        }
        // Not through a user's subscription: the tenant-wide one while the modes switch, or the
        // catch-up. The app reads it, as it did in the tenant mode.
        return graph.chatWithMembers(chatId);
    }
}
