package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.Chat;
import io.teamsbridge.emulators.microsoft.chats.ChatJson;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The listings a signed-in user catches up with: {@code GET /me/chats} (and
 * {@code /users/{id}/chats}) with {@code $expand=members,lastMessagePreview} and
 * {@code $orderby=lastMessagePreview/createdDateTime desc}, and {@code GET /chats/{id}/messages}
 * with {@code $orderby} ({@code lastModifiedDateTime}, the default, or {@code createdDateTime},
 * descending only) and a {@code $filter} date range that counts only when it names the ordering's
 * property. {@code $top} is at most 50; next links repeat the query with a {@code $skiptoken}.
 * What Graph does not support here is refused with 400 rather than half understood.
 */
final class ChatListRoutes {
    static final String MY_CHATS = GraphApi.PREFIX + "/me/chats";
    static final String USER_CHATS = GraphApi.PREFIX + "/users/{userId}/chats";
    private static final int DEFAULT_PAGE = 20;
    private static final String BY_LAST_MESSAGE = "lastMessagePreview/createdDateTime desc";
    private static final Set<String> LIST_DELEGATED = Set.of("Chat.ReadBasic", "Chat.Read", "Chat.ReadWrite");
    private static final Set<String> LIST_APPLICATION = Set.of("Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All");

    private final ChatStore chats;
    private final UserDirectory directory;
    private final GraphAuth auth;
    private final GraphResponses responses;

    ChatListRoutes(ChatStore chats, UserDirectory directory, GraphAuth auth, GraphResponses responses) {
        this.chats = chats;
        this.directory = directory;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.get(MY_CHATS, this::myChats).get(USER_CHATS, this::userChats).get(ChatRoutes.MESSAGES, this::messages);
    }

    private Response myChats(Request request) {
        Caller caller = auth.caller(request);
        String userId = GraphAuth.delegatedUser(caller);
        GraphAuth.requireTeams(caller, LIST_DELEGATED, LIST_APPLICATION);
        return chatsOf(request, userId, "me/chats");
    }

    private Response userChats(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, LIST_DELEGATED, LIST_APPLICATION);
        String key = request.pathParam("userId");
        User user = directory.byIdOrUpn(key).orElseThrow(() -> UserRoutes.notFound(key));
        if (caller.delegated() && !user.id().equals(caller.userId())) {
            throw new HttpError(403, "Forbidden", "Forbidden: a signed-in user may list only their own chats.");
        }
        return chatsOf(request, user.id(), "users/" + ChatJson.encode(user.id()) + "/chats");
    }

    private Response chatsOf(Request request, String userId, String path) {
        Set<String> expand = expansions(request);
        String orderBy = request.queryParam("$orderby").map(String::strip).orElse(null);
        if (orderBy != null && !orderBy.equalsIgnoreCase(BY_LAST_MESSAGE)) {
            throw new HttpError(400, "BadRequest", "Unsupported $orderby '" + orderBy + "'. Chats can only be ordered by '"
                    + BY_LAST_MESSAGE + "'.");
        }
        if (request.queryParam("$filter").isPresent()) {
            throw new HttpError(400, "BadRequest", "This emulator does not support $filter on the chat list.");
        }
        List<Chat> mine = new ArrayList<>(chats.all().stream().filter(c -> c.hasMember(userId)).toList());
        if (orderBy != null) {
            // Chats without a message come last: they have no preview to order by.
            mine.sort(Comparator.comparing((Chat c) -> lastMessage(c).map(ChatMessage::createdAt).orElse(Instant.MIN))
                    .reversed().thenComparing(Chat::id));
        }
        int top = ChatRoutes.top(request, DEFAULT_PAGE);
        int skip = ChatRoutes.skip(request);
        List<Chat> page = mine.subList(Math.min(skip, mine.size()), Math.min(skip + top, mine.size()));
        List<Map<String, @Nullable Object>> value = new ArrayList<>();
        for (Chat chat : page) {
            Map<String, @Nullable Object> item = new LinkedHashMap<>(ChatJson.chat(chat, true));
            if (expand.contains("members")) {
                item.put("members", chat.members().stream().map(ChatJson::member).toList());
            }
            if (expand.contains("lastMessagePreview")) {
                item.put("lastMessagePreview", lastMessage(chat).map(ChatListRoutes::preview).orElse(null));
            }
            value.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats"));
        body.put("@odata.count", page.size());
        if (skip + top < mine.size()) {
            body.put("@odata.nextLink", nextLink(request, path, skip + top));
        }
        body.put("value", value);
        return responses.json(request, 200, body);
    }

    private static Set<String> expansions(Request request) {
        String raw = request.queryParam("$expand").orElse("");
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals("members") && !name.equals("lastMessagePreview")) {
                throw new HttpError(400, "BadRequest", "Could not find a navigation property named '" + name
                        + "' on type 'microsoft.graph.chat'.");
            }
            out.add(name);
        }
        return out;
    }

    private Optional<ChatMessage> lastMessage(Chat chat) {
        return chats.messages(chat.id()).stream().findFirst();
    }

    /** A chatMessageInfo: the short form of the chat's newest message. */
    private static Map<String, @Nullable Object> preview(ChatMessage message) {
        Map<String, @Nullable Object> full = ChatJson.message(message, true);
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", message.id());
        out.put("createdDateTime", GraphTime.millis(message.createdAt()));
        out.put("isDeleted", message.deletedAt() != null);
        out.put("messageType", full.get("messageType"));
        out.put("eventDetail", full.get("eventDetail"));
        out.put("body", full.get("body"));
        out.put("from", full.get("from"));
        return out;
    }

    private Response messages(Request request) {
        Caller caller = auth.caller(request);
        GraphAuth.requireTeams(caller, ChatRoutes.MESSAGES_DELEGATED, ChatRoutes.MESSAGES_APPLICATION);
        Chat chat = ChatRoutes.visibleChat(chats, caller, request.pathParam("chatId"));
        String orderBy = request.queryParam("$orderby").map(String::strip).orElse("lastModifiedDateTime desc");
        String[] parts = orderBy.split("\\s+");
        String property = parts[0];
        boolean descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
        if (!property.equals("lastModifiedDateTime") && !property.equals("createdDateTime") || !descending) {
            throw new HttpError(400, "BadRequest", "Unsupported $orderby '" + orderBy + "'. Only 'lastModifiedDateTime desc' "
                    + "and 'createdDateTime desc' are supported.");
        }
        boolean byCreation = property.equals("createdDateTime");
        String filter = request.queryParam("$filter").orElse(null);
        // Graph ignores a filter on another property than the ordering's.
        String effective = filter != null && filter.strip().toLowerCase(Locale.ROOT).startsWith(property.toLowerCase(Locale.ROOT))
                ? filter : null;
        MessageRange range = MessageRange.parse(effective, property);
        List<ChatMessage> all = new ArrayList<>(chats.messages(chat.id()).stream().filter(range::contains).toList());
        all.sort(Comparator.comparing(byCreation ? ChatMessage::createdAt : ChatMessage::lastModifiedAt).reversed()
                .thenComparing(ChatMessage::id, Comparator.reverseOrder()));
        int top = ChatRoutes.top(request, DEFAULT_PAGE);
        int skip = ChatRoutes.skip(request);
        List<ChatMessage> page = all.subList(Math.min(skip, all.size()), Math.min(skip + top, all.size()));
        boolean unknownEnums = PreferHeader.includeUnknownEnumMembers(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("chats('" + ChatJson.encode(chat.id()) + "')/messages"));
        body.put("@odata.count", page.size());
        if (skip + top < all.size()) {
            body.put("@odata.nextLink", nextLink(request, "chats/" + ChatJson.encode(chat.id()) + "/messages", skip + top));
        }
        body.put("value", page.stream().map(m -> ChatJson.message(m, unknownEnums)).toList());
        return responses.json(request, 200, body);
    }

    /** The same query with the next page's {@code $skiptoken}, as Graph builds it. */
    private String nextLink(Request request, String path, int next) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("$top", "$expand", "$orderby", "$filter")) {
            request.queryParam(name).ifPresent(v -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        query.append(query.isEmpty() ? "?" : "&").append("$skiptoken=").append(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(next).getBytes(StandardCharsets.US_ASCII)));
        return responses.link(path + query);
    }
}
