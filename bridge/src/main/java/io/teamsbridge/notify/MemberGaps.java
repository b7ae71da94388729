package io.teamsbridge.notify;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.microsoft.subscriptions.SubscriberAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * [catch-up] A user's gap listed with their own token, for the per-user mode with delegated tokens
 * where the app may not list a user's messages ({@code getAllMessages} needs the application
 * Chat.Read.All). First the user's chats, the one with the newest message first
 * ({@code lastMessagePreview}), up to the first whose newest message is older than the gap; then
 * each of those chats' messages changed in the gap ({@code lastModifiedDateTime} range, Graph's
 * polling rule). An edit or deletion in the gap of a message in a chat that has had no newer message
 * since the gap began is not seen this way.
 */
@Component
class MemberGaps {
    /** Pages of 50 chats looked through per user. */
    static final int CHAT_PAGES = 20;
    /** Pages of 50 messages per chat. */
    static final int PAGES_PER_CHAT = 20;

    private final GraphClient graph;
    private final SubscriberAccounts accounts;
    private final AppTokens appTokens;
    private final boolean usersOwnTokens;

    MemberGaps(GraphClient graph, SubscriberAccounts accounts, AppTokens appTokens, MicrosoftProperties microsoft) {
        this.graph = graph;
        this.accounts = accounts;
        this.appTokens = appTokens;
        this.usersOwnTokens = microsoft.subscription().usersOwnTokens();
    }

    /** Whether gaps are listed this way now: the users' own tokens are in use, and the app may not list their messages. */
    boolean needed() {
        if (!usersOwnTokens) {
            return false;
        }
        try {
            return !appTokens.holds("Chat.Read.All") && !appTokens.holds("Chat.ReadWrite.All");
        } catch (MicrosoftIdentityException e) {
            return true; // no app token now: the users' tokens may still do
        }
    }

    /**
     * Adds the user's messages changed between {@code from} and {@code to} to {@code into}, using at
     * most {@code budget} requests in all; {@code into.complete} tells whether it got to the end.
     *
     * @throws GraphException a permanent one when the user is not connected or may not list their chats
     */
    void list(String teamsUserId, Instant from, Instant to, int budget, CatchUp.Listing into) {
        String token = accounts.accessToken(teamsUserId).orElseThrow(() -> new GraphException(403, "not_connected",
                "Teams user " + teamsUserId + " is not connected now, so their chats cannot be listed", null));
        List<String> chats = new ArrayList<>();
        if (!chatsWrittenInSince(token, from, budget, into, chats)) {
            return;
        }
        for (String chatId : chats) {
            Set<String> seenLinks = new HashSet<>();
            GraphClient.ListPage page = null;
            for (int pages = 0; pages < PAGES_PER_CHAT; pages++) {
                if (into.requests >= budget) {
                    return;
                }
                page = page == null ? graph.chatMessagesChanged(chatId, from, to, token) : graph.nextMessages(page.nextLink(), token);
                into.requests++;
                for (JsonNode message : page.items()) {
                    if (!message.hasNonNull("chatId") && message instanceof ObjectNode object) {
                        object.put("chatId", chatId);
                    }
                    into.messages.add(message);
                }
                if (page.nextLink() == null || !seenLinks.add(page.nextLink())) {
                    break;
                }
            }
        }
        into.complete = true;
    }

    /** Adds to {@code chats} the user's chats with a message written since {@code from}; false when the budget ran out first. */
    private boolean chatsWrittenInSince(String token, Instant from, int budget, CatchUp.Listing into, List<String> chats) {
        Set<String> seenLinks = new HashSet<>();
        GraphClient.ListPage page = null;
        for (int pages = 0; pages < CHAT_PAGES; pages++) {
            if (into.requests >= budget) {
                return false;
            }
            page = page == null ? graph.chatsByLastMessage(token) : graph.nextMessages(page.nextLink(), token);
            into.requests++;
            for (JsonNode chat : page.items()) {
                Instant last = CatchUp.time(chat.path("lastMessagePreview").path("createdDateTime").asString(null));
                if (last == null || last.isBefore(from)) {
                    return true; // newest first: every chat from here on is older (or has no message)
                }
                chats.add(chat.path("id").asString());
            }
            if (page.nextLink() == null || !seenLinks.add(page.nextLink())) {
                break;
            }
        }
        return true;
    }
}
