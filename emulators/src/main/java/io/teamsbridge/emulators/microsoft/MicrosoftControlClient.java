package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A typed client for the Microsoft emulator's {@code /_sandbox/} API, over {@code java.net.http},
 * for tests, the sandbox and the benchmark. A refused call throws {@link IllegalStateException}
 * with the emulator's message: control calls only fail when the caller has a bug.
 */
public final class MicrosoftControlClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public MicrosoftControlClient(URI emulatorBaseUrl) {
        this.baseUrl = emulatorBaseUrl;
    }

    /** @param mail null for a user without a mailbox; @param userPrincipalName null to use the mail address */
    public String createUser(String displayName, @Nullable String mail, @Nullable String userPrincipalName) {
        return createUser(displayName, mail, userPrincipalName, null);
    }

    /** A user whose home organisation is {@code homeTenantId} (null: the emulated tenant); their tokens name it in {@code tid}. */
    public String createUser(String displayName, @Nullable String mail, @Nullable String userPrincipalName,
            @Nullable String homeTenantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (homeTenantId != null) {
            body.put("homeTenantId", homeTenantId);
        }
        body.put("displayName", displayName);
        body.put("mail", mail);
        if (userPrincipalName != null) {
            body.put("userPrincipalName", userPrincipalName);
        }
        return call("POST", "/_sandbox/users", body).get("id").stringValue();
    }

    /** Every user: {@code [{id, displayName, mail, userPrincipalName, presence:{availability, activity}}]}. */
    public JsonNode users() {
        return call("GET", "/_sandbox/users", null);
    }

    public void setPresence(String userId, String availability, String activity) {
        call("PUT", "/_sandbox/users/" + userId + "/presence",
                Map.of("availability", availability, "activity", activity));
    }

    /** The next sign-ins at {@code /authorize} are this user, consent given, until {@link #clearSession()}. */
    public void setSession(String userId) {
        call("PUT", "/_sandbox/session", Map.of("userId", userId));
    }

    public void clearSession() {
        call("PUT", "/_sandbox/session", Map.of());
    }

    public void revoke(String userId) {
        call("POST", "/_sandbox/users/" + userId + "/revoke", Map.of());
    }

    /**
     * A mention for {@link #postMessage(String, String, String, String, List, List)}: the HTML body
     * holds {@code <at id="{id}">{mentionText}</at>}.
     */
    public record Mention(int id, String mentionText, String userId) {}

    /** A {@code chatMessageAttachment}; a null id gets a fresh one. */
    public record Attachment(@Nullable String id, String contentType, @Nullable String contentUrl,
            @Nullable String content, @Nullable String name, @Nullable String thumbnailUrl,
            @Nullable String teamsAppId) {

        /** A file shared in the chat: the body refers to it as {@code <attachment id="{id}"></attachment>}. */
        public static Attachment file(String id, String contentUrl, String name) {
            return new Attachment(id, "reference", contentUrl, null, name, null, null);
        }

        /** A card, such as {@code application/vnd.microsoft.card.adaptive} with its JSON as content. */
        public static Attachment card(String id, String contentType, String contentJson) {
            return new Attachment(id, contentType, null, contentJson, null, null, null);
        }
    }

    /**
     * @param chatType {@code "oneOnOne"} (exactly 2 members, no topic; the pair's existing chat if
     *     there is one), {@code "group"} or {@code "meeting"}
     * @return the chat id
     */
    public String createChat(String chatType, @Nullable String topic, List<String> memberIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatType", chatType);
        if (topic != null) {
            body.put("topic", topic);
        }
        body.put("memberIds", memberIds);
        return call("POST", "/_sandbox/chats", body).get("id").stringValue();
    }

    /** Every chat: {@code [{id, chatType, topic, memberIds}]}. */
    public JsonNode chats() {
        return call("GET", "/_sandbox/chats", null);
    }

    /**
     * Sends a message as a member of the chat; subscribers are notified.
     *
     * @param contentType {@code "html"} or {@code "text"}
     * @return the message id
     */
    public String postMessage(String chatId, String fromUserId, String contentType, String content) {
        return postMessage(chatId, fromUserId, contentType, content, List.of(), List.of());
    }

    /** A pasted image or a code snippet's text; {@code hosted:N} in a message stands for the N-th one's address. */
    public record HostedContent(String contentType, byte[] bytes) {}

    /** As {@link #postMessage(String, String, String, String)}, with mentions (html only) and attachments. */
    public String postMessage(String chatId, String fromUserId, String contentType, String content,
            List<Mention> mentions, List<Attachment> attachments) {
        return postMessage(chatId, fromUserId, contentType, content, mentions, attachments, List.of());
    }

    /** As {@link #postMessage(String, String, String, String, List, List)}, with hosted contents. */
    public String postMessage(String chatId, String fromUserId, String contentType, String content,
            List<Mention> mentions, List<Attachment> attachments, List<HostedContent> hostedContents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromUserId", fromUserId);
        body.put("contentType", contentType);
        body.put("content", content);
        if (!mentions.isEmpty()) {
            body.put("mentions", mentions);
        }
        if (!attachments.isEmpty()) {
            body.put("attachments", attachments);
        }
        if (!hostedContents.isEmpty()) {
            body.put("hostedContents", hostedContents.stream().map(h -> Map.of("contentType", h.contentType(),
                    "contentBytes", java.util.Base64.getEncoder().encodeToString(h.bytes()))).toList());
        }
        return call("POST", chatPath(chatId) + "/messages", body).get("id").stringValue();
    }

    /**
     * The chat's messages, oldest first, whoever wrote them (Teams through this API, or a client
     * through Graph): {@code [{id, fromUserId, contentType, content, mentions: [{id, mentionText, userId}], createdDateTime,
     * lastEditedDateTime, deletedDateTime}]}; {@code fromUserId} is null for system events, the
     * times are Graph's ({@code 2026-03-02T09:00:00.000Z}, null when never edited or not deleted).
     *
     * @throws IllegalStateException with the emulator's 404 for an unknown chat
     */
    public JsonNode chatMessages(String chatId) {
        return call("GET", chatPath(chatId) + "/messages", null);
    }

    /** Stores a file as SharePoint would; answers the {@code contentUrl} for a {@code reference} attachment. */
    public String uploadFile(String name, String contentType, byte[] bytes) {
        return call("POST", "/_sandbox/files", Map.of("name", name, "contentType", contentType,
                "contentBytes", java.util.Base64.getEncoder().encodeToString(bytes))).get("contentUrl").stringValue();
    }

    /** Grants an application permission (e.g. {@code Files.Read.All}) to app tokens minted from now on. */
    public void grantApplicationPermission(String permission) {
        call("PUT", "/_sandbox/app/permissions/" + segment(permission), null);
    }

    public void revokeApplicationPermission(String permission) {
        call("DELETE", "/_sandbox/app/permissions/" + segment(permission), null);
    }

    /** Edits the message's content; subscribers get an {@code updated} notification. */
    public void editMessage(String chatId, String messageId, String content) {
        call("PATCH", chatPath(chatId) + "/messages/" + segment(messageId), Map.of("content", content));
    }

    /** Soft-deletes the message; subscribers get a {@code deleted} notification. */
    public void deleteMessage(String chatId, String messageId) {
        call("DELETE", chatPath(chatId) + "/messages/" + segment(messageId), null);
    }

    /** Adds a member to a group or meeting chat; returns the id of the {@code membersAdded} system event message. */
    public String addMember(String chatId, String userId) {
        return call("POST", chatPath(chatId) + "/members", Map.of("userId", userId)).get("messageId").stringValue();
    }

    /** Removes a member from a group or meeting chat; returns the id of the {@code membersDeleted} system event message. */
    public String removeMember(String chatId, String userId) {
        return call("DELETE", chatPath(chatId) + "/members/" + segment(userId), null).get("messageId").stringValue();
    }

    /**
     * The live subscriptions: {@code [{id, resource, changeType, notificationUrl,
     * lifecycleNotificationUrl, expirationDateTime, includeResourceData, encryptionCertificate,
     * encryptionCertificateId, applicationId, reauthorizationRequired}]}, never the clientState.
     */
    public JsonNode subscriptions() {
        return call("GET", "/_sandbox/subscriptions", null);
    }

    /**
     * Sends a lifecycle notification and does what it means.
     *
     * @param event {@code "reauthorizationRequired"} (delivery pauses until reauthorized),
     *     {@code "subscriptionRemoved"} (the subscription is deleted) or {@code "missed"}
     */
    public void lifecycle(String subscriptionId, String event) {
        call("POST", "/_sandbox/subscriptions/" + segment(subscriptionId) + "/lifecycle", Map.of("event", event));
    }

    /** Deletes a subscription without any lifecycle notification, as if Microsoft lost it. */
    public void deleteSubscription(String subscriptionId) {
        call("DELETE", "/_sandbox/subscriptions/" + segment(subscriptionId), null);
    }

    /**
     * Another app of the tenant subscribes, as if through Graph: the subscription counts against
     * Graph's quotas (a user's 10, the organization's 10,000), is listed by {@link #subscriptions()}
     * with a null {@code notificationUrl}, expires and can be deleted, but nothing is delivered for it.
     *
     * @param applicationId null for a fresh app id; never the registered app's
     * @param expiration null for the longest lifetime (3 days by the emulator's clock)
     * @return the subscription's id
     * @throws IllegalStateException with Graph's 403 {@code ExtensionError} when a quota refuses it
     */
    public String subscribeOtherApp(@Nullable String applicationId, String resource, @Nullable Instant expiration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", resource);
        if (applicationId != null) {
            body.put("applicationId", applicationId);
        }
        if (expiration != null) {
            body.put("expirationDateTime", expiration.toString());
        }
        return call("POST", "/_sandbox/subscriptions", body).get("id").stringValue();
    }

    /** As {@link #subscribeOtherApp(String, String, Instant)}, for a fresh app and the longest lifetime. */
    public String subscribeOtherApp(String resource) {
        return subscribeOtherApp(null, resource, null);
    }

    /**
     * Graph's quotas on chat-message subscriptions besides one per app and resource, each counting
     * every app's live subscriptions.
     *
     * @param subscriptionsPerUser on one user's chats ({@code /users/{id}/chats/getAllMessages}, {@code /me/...})
     * @param subscriptionsPerOrganization on chat messages of any resource in the tenant
     */
    public record Quotas(int subscriptionsPerUser, int subscriptionsPerOrganization) {
        /** Graph's documented values, which the emulator starts with. */
        public static final Quotas GRAPH = new Quotas(10, 10_000);
    }

    public Quotas quotas() {
        return quotas(call("GET", "/_sandbox/quotas", null));
    }

    /** Creating a subscription beyond one of them is then refused with 403; existing ones stay. */
    public Quotas setQuotas(Quotas quotas) {
        return quotas(call("PUT", "/_sandbox/quotas", Map.of("subscriptionsPerUser", quotas.subscriptionsPerUser(),
                "subscriptionsPerOrganization", quotas.subscriptionsPerOrganization())));
    }

    /** Fields given replace the current values; the others stay. See SANDBOX.md for the names. */
    public void faults(Map<String, Object> faults) {
        call("PUT", "/_sandbox/faults", faults);
    }

    /**
     * {@code {requests: {"METHOD template": count}, notificationsSent, deliveryFailures,
     * notificationsDropped, lifecycleNotificationsSent, notificationsBySubscription: {"<id>":
     * {resource, sent}}}}.
     */
    public JsonNode stats() {
        return call("GET", "/_sandbox/stats", null);
    }

    /**
     * One subscription's count in {@link #notificationsBySubscription()}.
     *
     * @param resource as the subscriber wrote it
     * @param sent change notifications a receiver accepted, counted as {@code notificationsSent} is
     *     (each in a batch, each copy of a duplicated delivery)
     */
    public record SubscriptionNotifications(String resource, long sent) {}

    /** By subscription id, for every subscription created since the start, deleted and expired ones included. */
    public Map<String, SubscriptionNotifications> notificationsBySubscription() {
        Map<String, SubscriptionNotifications> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : stats().get("notificationsBySubscription").properties()) {
            out.put(entry.getKey(), new SubscriptionNotifications(entry.getValue().get("resource").stringValue(),
                    entry.getValue().get("sent").longValue()));
        }
        return out;
    }

    private static Quotas quotas(JsonNode json) {
        return new Quotas(json.get("subscriptionsPerUser").intValue(),
                json.get("subscriptionsPerOrganization").intValue());
    }

    private static String chatPath(String chatId) {
        return "/_sandbox/chats/" + segment(chatId);
    }

    /** Chat ids hold ':' and '@'; encoded, they stay one path segment whatever they contain. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends once, and once more when an idempotent call failed on the connection (a pooled
     * connection the server had closed, seen under load when thousands of calls build a world).
     */
    private HttpResponse<byte[]> send(String method, HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            if (!List.of("GET", "PUT", "DELETE").contains(method)) {
                throw e;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private JsonNode call(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = send(method, request.build());
        } catch (IOException e) {
            throw new IllegalStateException("Microsoft emulator control call " + method + " " + path
                    + " could not reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during Microsoft emulator control call " + method + " " + path,
                    e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Microsoft emulator refused " + method + " " + path + " with "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length == 0 ? Json.object() : Json.parse(response.body());
    }
}
