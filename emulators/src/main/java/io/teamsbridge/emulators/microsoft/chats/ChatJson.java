package io.teamsbridge.emulators.microsoft.chats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chats, members and messages in Graph v1.0's JSON shapes (property order as in the documented
 * examples), shared by the Graph routes and the encrypted content of change notifications so both
 * always say the same thing.
 */
public final class ChatJson {
    public static final String TEAMS_URL = "https://teams.microsoft.com";

    private ChatJson() {}

    /** A chat without {@code @odata.context}; {@code viewpoint} only exists for a signed-in user. */
    public static Map<String, @Nullable Object> chat(Chat chat, boolean delegated) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", chat.id());
        out.put("topic", chat.topic());
        out.put("createdDateTime", GraphTime.millis(chat.createdAt()));
        out.put("lastUpdatedDateTime", GraphTime.millis(chat.lastUpdatedAt()));
        out.put("chatType", chat.chatType().wireName());
        out.put("webUrl", TEAMS_URL + "/l/chat/" + encode(chat.id()) + "/0?tenantId=" + chat.tenantId());
        out.put("tenantId", chat.tenantId());
        out.put("onlineMeetingInfo", null);
        out.put("isHiddenForAllMembers", false);
        if (delegated) {
            Map<String, @Nullable Object> viewpoint = new LinkedHashMap<>();
            viewpoint.put("isHidden", false);
            viewpoint.put("lastMessageReadDateTime", GraphTime.millis(chat.lastUpdatedAt()));
            out.put("viewpoint", viewpoint);
        }
        return out;
    }

    public static Map<String, @Nullable Object> member(ChatMember member) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("@odata.type", "#microsoft.graph.aadUserConversationMember");
        out.put("id", member.id());
        out.put("roles", List.of("owner"));
        out.put("displayName", member.displayName());
        out.put("visibleHistoryStartDateTime", GraphTime.BEGINNING);
        out.put("userId", member.userId());
        out.put("email", member.email());
        out.put("tenantId", member.tenantId());
        return out;
    }

    /**
     * A chatMessage without {@code @odata.context}.
     *
     * @param unknownEnumMembers whether the caller sent {@code Prefer: include-unknown-enum-members};
     *     without it Graph reports {@code systemEventMessage} as {@code unknownFutureValue}, the
     *     evolvable-enum sentinel it was added after
     */
    public static Map<String, @Nullable Object> message(ChatMessage message, boolean unknownEnumMembers) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", message.id());
        out.put("replyToId", null);
        out.put("etag", Long.toString(message.etag()));
        out.put("messageType", !message.systemEvent() ? "message"
                : unknownEnumMembers ? "systemEventMessage" : "unknownFutureValue");
        out.put("createdDateTime", GraphTime.millis(message.createdAt()));
        out.put("lastModifiedDateTime", GraphTime.millis(message.lastModifiedAt()));
        out.put("lastEditedDateTime", message.lastEditedAt() == null ? null : GraphTime.millis(message.lastEditedAt()));
        out.put("deletedDateTime", message.deletedAt() == null ? null : GraphTime.millis(message.deletedAt()));
        out.put("subject", null);
        out.put("summary", null);
        out.put("chatId", message.chatId());
        out.put("importance", "normal");
        out.put("locale", "en-us");
        out.put("webUrl", null);
        out.put("channelIdentity", null);
        out.put("policyViolation", null);
        out.put("eventDetail", message.event() == null ? null : membersChanged(message.event(), message.tenantId()));
        out.put("from", message.from() == null ? null
                : identitySet(user(message.from().userId(), message.from().displayName(), message.tenantId())));
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("contentType", message.contentType());
        body.put("content", message.content());
        out.put("body", body);
        out.put("attachments", message.attachments().stream().map(ChatJson::attachment).toList());
        out.put("mentions", message.mentions().stream().map(m -> mention(m, message.tenantId())).toList());
        out.put("reactions", List.of());
        out.put("messageHistory", List.of());
        return out;
    }

    private static Map<String, @Nullable Object> membersChanged(ChatMessage.MembersChanged event, String tenantId) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        if (event.added()) {
            out.put("@odata.type", "#microsoft.graph.membersAddedEventMessageDetail");
            out.put("visibleHistoryStartDateTime", GraphTime.BEGINNING);
        } else {
            out.put("@odata.type", "#microsoft.graph.membersDeletedEventMessageDetail");
        }
        List<Map<String, @Nullable Object>> members = new ArrayList<>();
        for (String userId : event.userIds()) {
            // Teams leaves the names out of event details; clients look the ids up.
            Map<String, @Nullable Object> member = new LinkedHashMap<>();
            member.put("id", userId);
            member.put("displayName", null);
            member.put("userIdentityType", "aadUser");
            member.put("tenantId", tenantId);
            members.add(member);
        }
        out.put("members", members);
        out.put("initiator", identitySet(user(event.initiatorUserId(), null, tenantId)));
        return out;
    }

    private static Map<String, @Nullable Object> mention(MessageMention mention, String tenantId) {
        Map<String, @Nullable Object> mentioned = new LinkedHashMap<>();
        mentioned.put("application", null);
        mentioned.put("device", null);
        mentioned.put("conversation", null);
        mentioned.put("tag", null);
        mentioned.put("user", user(mention.userId(), mention.displayName(), tenantId));
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", mention.id());
        out.put("mentionText", mention.mentionText());
        out.put("mentioned", mentioned);
        return out;
    }

    private static Map<String, @Nullable Object> attachment(MessageAttachment attachment) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", attachment.id());
        out.put("contentType", attachment.contentType());
        out.put("contentUrl", attachment.contentUrl());
        out.put("content", attachment.content());
        out.put("name", attachment.name());
        out.put("thumbnailUrl", attachment.thumbnailUrl());
        out.put("teamsAppId", attachment.teamsAppId());
        return out;
    }

    private static Map<String, @Nullable Object> identitySet(Map<String, @Nullable Object> user) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("application", null);
        out.put("device", null);
        out.put("conversation", null);
        out.put("user", user);
        return out;
    }

    private static Map<String, @Nullable Object> user(String id, @Nullable String displayName, String tenantId) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("@odata.type", "#microsoft.graph.teamworkUserIdentity");
        out.put("id", id);
        out.put("displayName", displayName);
        out.put("userIdentityType", "aadUser");
        out.put("tenantId", tenantId);
        return out;
    }

    /** Percent-encodes a chat id for a URL, as Graph does in {@code webUrl} and {@code @odata.context}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
