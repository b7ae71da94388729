package io.teamsbridge.notify;

import io.teamsbridge.render.TeamsAttachment;
import io.teamsbridge.render.TeamsMention;
import io.teamsbridge.render.TeamsMessage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A decrypted Teams chat message: who sent it, what kind it is, and what the renderer needs.
 *
 * @param senderId the Teams user id of the sender, or null when an app or the system sent it
 * @param eventType for system event messages, the event detail's type (e.g. members added)
 * @param createdAt when it was written in Teams, when the message says
 */
record IncomingMessage(String messageType, String senderId, String senderName, boolean deleted, String eventType,
        TeamsMessage content, java.time.Instant createdAt) {

    /** A real message from a person (not a system event, typing indicator or app). */
    boolean fromPerson() {
        return "message".equals(messageType) && senderId != null;
    }

    /** A change of the chat's members, after which the cached member list is stale. */
    boolean changesMembers() {
        return eventType != null && (eventType.contains("membersAdded") || eventType.contains("membersDeleted")
                || eventType.contains("membersJoined") || eventType.contains("membersLeft"));
    }

    static IncomingMessage from(JsonNode json, String chatId) {
        JsonNode user = json.path("from").path("user");
        List<TeamsMention> mentions = new ArrayList<>();
        for (JsonNode m : json.path("mentions")) {
            JsonNode mentioned = m.path("mentioned").path("user");
            mentions.add(new TeamsMention(m.path("id").asInt(), m.path("mentionText").asString(""),
                    mentioned.isMissingNode() || mentioned.isNull() ? null : mentioned.path("id").asString(null)));
        }
        List<TeamsAttachment> attachments = new ArrayList<>();
        for (JsonNode a : json.path("attachments")) {
            attachments.add(new TeamsAttachment(a.path("id").asString(null), a.path("contentType").asString(null),
                    a.path("contentUrl").asString(null), a.path("content").asString(null), a.path("name").asString(null)));
        }
        String id = json.path("id").asString("");
        TeamsMessage content = new TeamsMessage(id, json.path("chatId").asString(chatId),
                json.path("body").path("contentType").asString("text"), json.path("body").path("content").asString(""),
                mentions, attachments);
        boolean deleted = json.hasNonNull("deletedDateTime");
        String eventType = json.path("eventDetail").path("@odata.type").asString(null);
        return new IncomingMessage(json.path("messageType").asString("message"),
                user.isMissingNode() || user.isNull() ? null : user.path("id").asString(null),
                user.path("displayName").asString("Someone"), deleted, eventType, content, created(json));
    }

    private static java.time.Instant created(JsonNode json) {
        try {
            return java.time.OffsetDateTime.parse(json.path("createdDateTime").asString("")).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
