package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /chats/{id}} (+ {@code $expand=members}), {@code /chats/{id}/members},
 * {@code /chats/{id}/messages/{id}}, with the documented permissions (the listings are
 * {@link ChatListRoutes}); a signed-in user must also
 * be a member of the chat.
 */
final class ChatRoutes {
    static final String CHAT = GraphApi.PREFIX + "/chats/{chatId}";
    static final String MEMBERS = CHAT + "/members";
    static final String MESSAGES = CHAT + "/messages";
    static final String MESSAGE = MESSAGES + "/{messageId}";
    /** Graph's cap on {@code $top} for chat messages. */
    static final int MAX_PAGE = 50;

    private static final Set<String> CHAT_DELEGATED = Set.of("Chat.ReadBasic", "Chat.Read", "Chat.ReadWrite");
    private static final Set<String> CHAT_APPLICATION = Set.of("Chat.ReadBasic.WhereInstalled",
            "Chat.Read.WhereInstalled", "Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All");
    private static final Set<String> MEMBERS_DELEGATED = Set.of("ChatMember.Read", "ChatMember.ReadWrite",
            "Chat.ReadBasic", "Chat.Read", "Chat.ReadWrite");
    private static final Set<String> MEMBERS_APPLICATION = Set.of("ChatMember.Read.All", "ChatMember.ReadWrite.All",
            "Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All");
    static final Set<String> MESSAGES_DELEGATED = Set.of("Chat.Read", "Chat.ReadWrite");
    static final Set<String> MESSAGES_APPLICATION = Set.of("Chat.Read.All", "Chat.ReadWrite.All");

    private final ChatStore chats;
    private final GraphAuth auth;
    private final GraphResponses responses;

    ChatRoutes(ChatStore chats, GraphAuth auth, GraphResponses responses) {
        this.chats = chats;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(CHAT, this::chat).get(MEMBERS, this::members).get(MESSAGE, this::message);
    }

    private Response chat(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, CHAT_DELEGATED, CHAT_APPLICATION);
        Chat chat = visibleChat(caller, request.pathParam("chatId"));
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats/$entity"));
        body.putAll(ChatJson.chat(chat, caller.delegated()));
        String expand = request.queryParam("$expand").orElse(null);
        if (expand != null) {
            if (!"members".equals(expand.trim())) {
                throw new HttpError(400, "BadRequest", "Could not find a navigation property named '" + expand.trim()
                        + "' on type 'microsoft.graph.chat'.");
            }
            GraphAuth.requireTeams(caller, MEMBERS_DELEGATED, MEMBERS_APPLICATION);
            body.put("members@odata.context", responses.context("chats('" + ChatJson.encode(chat.id()) + "')/members"));
            body.put("members", chat.members().stream().map(ChatJson::member).toList());
        }
        return responses.json(request, 200, body);
    }

    private Response members(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, MEMBERS_DELEGATED, MEMBERS_APPLICATION);
        Chat chat = visibleChat(caller, request.pathParam("chatId"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(chat.id()) + "')/members"));
        body.put("@odata.count", chat.members().size());
        body.put("value", chat.members().stream().map(ChatJson::member).toList());
        return responses.json(request, 200, body);
    }

    /** Newest first, {@code $top} per page (at most 50), then {@code @odata.nextLink}. */
    private Response message(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, MESSAGES_DELEGATED, MESSAGES_APPLICATION);
        Chat chat = visibleChat(caller, request.pathParam("chatId"));
        String messageId = request.pathParam("messageId");
        ChatMessage message = chats.message(chat.id(), messageId).orElseThrow(() -> new HttpError(404, "NotFound",
                "Message '" + messageId + "' was not found in chat '" + chat.id() + "'."));
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(chat.id()) + "')/messages/$entity"));
        body.putAll(ChatJson.message(message, PreferHeader.includeUnknownEnumMembers(request)));
        return responses.json(request, 200, body);
    }

    private Chat visibleChat(Caller caller, String chatId) {
        return visibleChat(chats, caller, chatId);
    }

    /** The chat, if it exists and the caller may see it: app tokens see every chat, users only their own. */
    static Chat visibleChat(ChatStore chats, Caller caller, String chatId) {
        Chat chat = chats.chat(chatId).orElseThrow(() -> new HttpError(404, "NotFound",
                "Chat '" + chatId + "' was not found."));
        if (caller.delegated() && !chat.hasMember(caller.userId())) {
            throw new HttpError(403, "Forbidden", "Forbidden: the signed-in user is not a member of chat '" + chatId
                    + "'.");
        }
        return chat;
    }

    static int top(Request request, int defaultPage) {
        String raw = request.queryParam("$top").orElse(null);
        if (raw == null) {
            return defaultPage;
        }
        try {
            int top = Integer.parseInt(raw.trim());
            if (top >= 1 && top <= MAX_PAGE) {
                return top;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpError(400, "BadRequest", "Invalid page size specified: '" + raw + "'. Must be between 1 and "
                + MAX_PAGE + ".");
    }

    static int skip(Request request) {
        String raw = request.queryParam("$skiptoken").orElse(null);
        if (raw == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "BadRequest", "The $skiptoken is not valid.");
        }
    }
}
