package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server event for WebSocket clients ({@code model.WebSocketEvent}): on the wire
 * {@code {"event", "data", "broadcast", "seq"}}, where {@code seq} is the connection's own
 * counter, set when the event is written to that connection. {@code data} keys come out sorted,
 * as Go writes maps.
 *
 * @param mentionedUserIds users whose copy gets {@code data.mentions = "[\"<their id>\"]"}, as the
 *     server's mentions broadcast hook adds it per connection
 */
record WebSocketEvent(String type, Map<String, Object> data, Broadcast broadcast, Set<String> mentionedUserIds) {

    static final String HELLO = "hello";
    static final String POSTED = "posted";
    static final String POST_EDITED = "post_edited";
    static final String POST_DELETED = "post_deleted";
    static final String REACTION_ADDED = "reaction_added";
    static final String REACTION_REMOVED = "reaction_removed";
    static final String TYPING = "typing";

    /**
     * Who receives an event ({@code model.WebsocketBroadcast}): a user, a connection, or the
     * members of a channel; {@code containsSanitizedData} events go to non-admins only and
     * {@code containsSensitiveData} ones to admins only.
     */
    record Broadcast(Set<String> omitUsers, String userId, String channelId, String teamId, String connectionId,
            boolean containsSanitizedData, boolean containsSensitiveData) {

        static Broadcast toChannel(String channelId) {
            return new Broadcast(Set.of(), "", channelId, "", "", false, false);
        }

        static Broadcast toUser(String userId) {
            return new Broadcast(Set.of(), userId, "", "", "", false, false);
        }

        Broadcast omitting(String userId) {
            return new Broadcast(Set.of(userId), this.userId, channelId, teamId, connectionId, containsSanitizedData,
                    containsSensitiveData);
        }

        Broadcast sanitized() {
            return new Broadcast(omitUsers, userId, channelId, teamId, connectionId, true, false);
        }

        Broadcast sensitive() {
            return new Broadcast(omitUsers, userId, channelId, teamId, connectionId, false, true);
        }

        ObjectNode toJson() {
            ObjectNode node = Json.object();
            if (omitUsers.isEmpty()) {
                node.putNull("omit_users");
            } else {
                ObjectNode omitted = node.putObject("omit_users");
                omitUsers.forEach(u -> omitted.put(u, true));
            }
            node.put("user_id", userId);
            node.put("channel_id", channelId);
            node.put("team_id", teamId);
            node.put("connection_id", connectionId);
            node.put("omit_connection_id", "");
            if (containsSanitizedData) {
                node.put("contains_sanitized_data", true);
            }
            if (containsSensitiveData) {
                node.put("contains_sensitive_data", true);
            }
            return node;
        }
    }

    WebSocketEvent {
        data = Map.copyOf(data);
        mentionedUserIds = Set.copyOf(mentionedUserIds);
    }

    WebSocketEvent(String type, Map<String, Object> data, Broadcast broadcast) {
        this(type, data, broadcast, Set.of());
    }

    /** The copy one user's connections get. */
    WebSocketEvent forUser(String userId) {
        if (!mentionedUserIds.contains(userId)) {
            return this;
        }
        Map<String, Object> personal = new TreeMap<>(data);
        personal.put("mentions", Json.MAPPER.writeValueAsString(new String[] {userId}));
        return new WebSocketEvent(type, personal, broadcast, Set.of());
    }

    String encode(long seq) {
        ObjectNode node = Json.object();
        node.put("event", type);
        node.set("data", Json.MAPPER.valueToTree(new TreeMap<>(data)));
        node.set("broadcast", broadcast.toJson());
        node.put("seq", seq);
        return node.toString();
    }
}
