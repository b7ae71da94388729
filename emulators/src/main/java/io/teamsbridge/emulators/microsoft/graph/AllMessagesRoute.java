package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /users/{id|upn}/chats/getAllMessages}: every message of every chat the user is a
 * member of, as the catch-up after a gap reads them. Application permissions only (Chat.Read.All,
 * Chat.ReadWrite.All; delegated is documented as not supported), {@code model} accepted and
 * ignored, {@code $filter} a {@code lastModifiedDateTime} range, newest change first, {@code $top}
 * per page (at most 50) and {@code @odata.nextLink} with a {@code $skiptoken}. Deleted messages are
 * listed with their {@code deletedDateTime}. Throttled in its own documented category.
 */
final class AllMessagesRoute {
    static final String TEMPLATE = GraphApi.PREFIX + "/users/{userId}/chats/getAllMessages";
    private static final Set<String> APPLICATION = Set.of("Chat.Read.All", "Chat.ReadWrite.All");
    private static final int DEFAULT_PAGE = 20;

    private final ChatStore chats;
    private final UserDirectory directory;
    private final GraphAuth auth;
    private final GraphResponses responses;

    AllMessagesRoute(ChatStore chats, UserDirectory directory, GraphAuth auth, GraphResponses responses) {
        this.chats = chats;
        this.directory = directory;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(TEMPLATE, this::list);
    }

    private Response list(Request request) {
        Caller caller = auth.caller(request);
        if (caller.delegated()) {
            throw new HttpError(403, "Forbidden", "Requested API is not supported in delegated context");
        }
        GraphAuth.requireTeams(caller, Set.of(), APPLICATION);
        String key = request.pathParam("userId");
        User user = directory.byIdOrUpn(key).orElseThrow(() -> new HttpError(404, "NotFound",
                "User '" + key + "' was not found."));
        String filter = request.queryParam("$filter").orElse(null);
        MessageRange range = MessageRange.parse(filter);
        int top = ChatRoutes.top(request, DEFAULT_PAGE);
        int skip = ChatRoutes.skip(request);
        List<ChatMessage> all = new ArrayList<>();
        for (Chat chat : chats.all()) {
            if (chat.hasMember(user.id())) {
                chats.messages(chat.id()).stream().filter(range::contains).forEach(all::add);
            }
        }
        all.sort(Comparator.comparing(ChatMessage::lastModifiedAt).reversed().thenComparing(ChatMessage::id,
                Comparator.reverseOrder()));
        List<ChatMessage> page = all.subList(Math.min(skip, all.size()), Math.min(skip + top, all.size()));
        boolean unknownEnums = PreferHeader.includeUnknownEnumMembers(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("Collection(microsoft.graph.chatMessage)"));
        body.put("@odata.count", page.size());
        if (skip + top < all.size()) {
            body.put("@odata.nextLink", responses.link("users/" + ChatJson.encode(user.id()) + "/chats/getAllMessages?$top="
                    + top + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                            .replace("+", "%20"))
                    + "&$skiptoken=" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                            Integer.toString(skip + top).getBytes(StandardCharsets.US_ASCII))));
        }
        body.put("value", page.stream().map(m -> ChatJson.message(m, unknownEnums)).toList());
        return responses.json(request, 200, body);
    }
}
