package io.teamsbridge.microsoft;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.http.OutboundHttp;
import io.teamsbridge.http.OutboundMetrics;
import io.teamsbridge.microsoft.GraphWire.Chat;
import io.teamsbridge.microsoft.GraphWire.Presence;
import io.teamsbridge.microsoft.GraphWire.PresenceList;
import io.teamsbridge.microsoft.GraphWire.PresenceRequest;
import io.teamsbridge.microsoft.GraphWire.Subscription;
import io.teamsbridge.microsoft.GraphWire.SubscriptionExpiry;
import io.teamsbridge.microsoft.GraphWire.SubscriptionList;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Graph v1.0 over the JDK HTTP client: typed calls, errors mapped from Graph's
 * {@code {"error":{"code","message"}}} shape, and {@code Retry-After} honoured on 429/503 within a
 * small budget (longer waits come back as a {@link GraphException} carrying the wait).
 */
@Component
public class GraphClient {
    /** Graph's documented maximum of ids per getPresencesByUserId call. */
    public static final int MAX_PRESENCE_IDS = 650;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final MicrosoftProperties properties;
    private final AppTokens appTokens;
    private final OutboundHttp http;

    public GraphClient(MicrosoftProperties properties, AppTokens appTokens, OutboundClients clients) {
        this.properties = properties;
        this.appTokens = appTokens;
        this.http = clients.sender("Microsoft Graph", OutboundMetrics.GRAPH, Duration.ofSeconds(2));
    }
    /** The signed-in user of a delegated token. */
    public GraphUser me(String userAccessToken) {
        return read(send("GET", "/me?$select=id,displayName,mail,userPrincipalName", null, userAccessToken), GraphUser.class);
    }

    /** A chat with its members, in one call, with the app's token. */
    public Chat chatWithMembers(String chatId) {
        return chatWithMembers(chatId, null);
    }

    /** The same with a member's delegated token (Chat.ReadBasic or Chat.Read), or the app's when {@code userToken} is null. */
    public Chat chatWithMembers(String chatId, String userToken) {
        return read(send("GET", "/chats/" + encode(chatId) + "?$expand=members", null, userToken), Chat.class);
    }

    /** Presence of up to {@link #MAX_PRESENCE_IDS} users, read by the app (application Presence.Read.All). */
    public List<Presence> presences(List<String> userIds) {
        return presences(userIds, null);
    }

    /** The same with a user's delegated token (delegated Presence.Read.All), or the app's when {@code userToken} is null. */
    public List<Presence> presences(List<String> userIds, String userToken) {
        if (userIds.size() > MAX_PRESENCE_IDS) {
            throw new IllegalArgumentException("At most " + MAX_PRESENCE_IDS + " ids per presence call");
        }
        PresenceList list = read(send("POST", "/communications/getPresencesByUserId", new PresenceRequest(userIds),
                userToken), PresenceList.class);
        return list.value() == null ? List.of() : list.value();
    }

    /** A page of a listing (chat messages, or chats) as Graph gives it, kept as JSON, and the link to the next page if any. */
    public record ListPage(List<JsonNode> items, String nextLink) {}

    /**
     * The messages of every chat the user is in that changed between the two instants, newest
     * change first ({@code GET /users/{id}/chats/getAllMessages}, application permission
     * Chat.Read.All); for catching up on a gap, never as a live feed.
     */
    public ListPage chatMessagesChanged(String teamsUserId, java.time.Instant after, java.time.Instant before) {
        String filter = "lastModifiedDateTime gt " + after + " and lastModifiedDateTime lt " + before;
        return messagePage("/users/" + encode(teamsUserId) + "/chats/getAllMessages?$top=50&$filter=" + encode(filter));
    }

    /**
     * The messages of one chat that changed between the two instants, newest change first, read
     * with a member's delegated token (Chat.Read): {@code $filter} counts only with the
     * {@code $orderby} of the same property. For catching up on a gap, never as a live feed.
     */
    public ListPage chatMessagesChanged(String chatId, java.time.Instant after, java.time.Instant before, String userToken) {
        String filter = "lastModifiedDateTime gt " + after + " and lastModifiedDateTime lt " + before;
        return messagePage("/chats/" + encode(chatId) + "/messages?$top=50&$orderby=" + encode("lastModifiedDateTime desc")
                + "&$filter=" + encode(filter), userToken);
    }

    /**
     * The signed-in user's chats, the one with the newest message first, each with a preview of that
     * message ({@code lastMessagePreview}, whose {@code createdDateTime} is when it was written).
     */
    public ListPage chatsByLastMessage(String userToken) {
        return messagePage("/me/chats?$top=50&$expand=lastMessagePreview&$orderby="
                + encode("lastMessagePreview/createdDateTime desc"), userToken);
    }

    /** One entry of a sent message's {@code mentions}: who the {@code <at id>} tag with this id stands for. */
    public record SentMention(int id, String mentionText, String userId, String displayName) {}

    /**
     * Sends a message into a chat as the signed-in user ({@code POST /chats/{id}/messages}, delegated
     * ChatMessage.Send) and returns the new message's id. Not idempotent: a caller that may retry
     * looks for the message first ({@link #chatMessagesChangedAfter}).
     */
    public String sendChatMessage(String chatId, String html, List<SentMention> mentions, String userToken) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("body", Map.of("contentType", "html", "content", html));
        if (!mentions.isEmpty()) {
            body.put("mentions", mentions.stream().map(m -> Map.of("id", m.id(), "mentionText", m.mentionText(),
                    "mentioned", Map.of("user", Map.of("id", m.userId(), "displayName", m.displayName(),
                            "userIdentityType", "aadUser")))).toList());
        }
        JsonNode sent = read(send("POST", "/chats/" + encode(chatId) + "/messages", body, userToken), JsonNode.class);
        return sent.path("id").asString("");
    }

    /**
     * One chat's messages written or changed after {@code after}, newest change first (one page of
     * up to 50), with a member's token. Graph filters a chat's messages by creation only with
     * {@code lt}, so a message written after an instant is found by its last change.
     */
    public ListPage chatMessagesChangedAfter(String chatId, java.time.Instant after, String userToken) {
        return messagePage("/chats/" + encode(chatId) + "/messages?$top=50&$orderby=" + encode("lastModifiedDateTime desc")
                + "&$filter=" + encode("lastModifiedDateTime gt " + after), userToken);
    }

    /** The page an {@code @odata.nextLink} names; only links into the configured Graph are followed. */
    public ListPage nextMessages(String nextLink) {
        return nextMessages(nextLink, null);
    }

    /** The same with a user's delegated token, or the app's when {@code userToken} is null. */
    public ListPage nextMessages(String nextLink, String userToken) {
        String base = properties.graphBase().toString();
        if (!nextLink.startsWith(base + "/")) {
            throw new GraphException(400, "unexpected_next_link", "Graph returned a next link outside " + base, null);
        }
        return messagePage(nextLink.substring(base.length()), userToken);
    }

    private ListPage messagePage(String pathAndQuery) {
        return messagePage(pathAndQuery, null);
    }

    private ListPage messagePage(String pathAndQuery, String userToken) {
        JsonNode page = read(send("GET", pathAndQuery, null, userToken, Map.of("Prefer", "include-unknown-enum-members")),
                JsonNode.class);
        List<JsonNode> items = new java.util.ArrayList<>();
        page.path("value").forEach(items::add);
        String next = page.path("@odata.nextLink").asString(null);
        return new ListPage(items, next == null || next.isBlank() ? null : next);
    }

    public Subscription createSubscription(Subscription request) {
        return createSubscription(request, null);
    }

    /**
     * Creates a subscription with a user's delegated token, or the app's when {@code userToken} is
     * null. Whoever created a subscription must renew, reauthorize and delete it: the methods below
     * take the same token.
     */
    public Subscription createSubscription(Subscription request, String userToken) {
        return read(send("POST", "/subscriptions", request, userToken, Map.of("Prefer", "include-unknown-enum-members")),
                Subscription.class);
    }

    public Subscription renewSubscription(String id, String expirationDateTime) {
        return renewSubscription(id, expirationDateTime, null);
    }

    public Subscription renewSubscription(String id, String expirationDateTime, String userToken) {
        return read(send("PATCH", "/subscriptions/" + encode(id), new SubscriptionExpiry(expirationDateTime), userToken, Map.of()),
                Subscription.class);
    }

    public void reauthorizeSubscription(String id) {
        reauthorizeSubscription(id, null);
    }

    public void reauthorizeSubscription(String id, String userToken) {
        send("POST", "/subscriptions/" + encode(id) + "/reauthorize", null, userToken, Map.of());
    }

    /** The subscription, or empty when Graph no longer has it. */
    public Optional<Subscription> subscription(String id) {
        return subscription(id, null);
    }

    public Optional<Subscription> subscription(String id, String userToken) {
        try {
            return Optional.of(read(send("GET", "/subscriptions/" + encode(id), null, userToken, Map.of()), Subscription.class));
        } catch (GraphException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<Subscription> subscriptions() {
        SubscriptionList list = read(send("GET", "/subscriptions", null, null), SubscriptionList.class);
        return list.value() == null ? List.of() : list.value();
    }

    public void deleteSubscription(String id) {
        deleteSubscription(id, null);
    }

    public void deleteSubscription(String id, String userToken) {
        try {
            send("DELETE", "/subscriptions/" + encode(id), null, userToken, Map.of());
        } catch (GraphException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private HttpResponse<byte[]> send(String method, String path, Object body, String userToken) {
        return send(method, path, body, userToken, Map.of());
    }

    /** With {@code userToken} null, the app's token (renewed when Graph refuses it). */
    private HttpResponse<byte[]> send(String method, String path, Object body, String userToken, Map<String, String> headers) {
        boolean app = userToken == null;
        String token = app ? appTokens.token() : userToken;
        HttpRequest.Builder request = OutboundHttp.jsonRequest(method, URI.create(properties.graphBase() + path),
                properties.requestTimeout(), token, body == null ? null : JSON.writeValueAsBytes(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build());
        } catch (OutboundHttp.UnreachableException e) {
            throw new GraphException(0, "unreachable", e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 401 && app) {
                appTokens.invalidate();
            }
            throw error(method, path, response);
        }
        return response;
    }

    private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new GraphException(response.statusCode(), "unreadable_response", "Graph answered "
                    + response.request().method() + " " + response.request().uri().getPath()
                    + " with a body that is not the expected JSON", e);
        }
    }

    private static GraphException error(String method, String path, HttpResponse<byte[]> response) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String code = "http_" + response.statusCode();
        String message = "";
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            code = error.path("code").asString(code);
            message = error.path("message").asString("");
        } catch (JacksonException notJson) {
            // keep the status as the code
        }
        Duration retryAfter = OutboundHttp.retryAfterMillis(response).map(Duration::ofMillis).orElse(null);
        return new GraphException(response.statusCode(), code, "Graph answered " + method + " " + pathOnly + " with "
                + response.statusCode() + " " + code + (message.isEmpty() ? "" : ": " + message), null, retryAfter);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
