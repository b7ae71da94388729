package io.teamsbridge.emulators.mattermost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The WebSocket events the server publishes when posts and reactions change, each to the members
 * of the post's channel:
 * <ul>
 *   <li>{@code posted} ({@code SendNotifications}): {@code post} (the post JSON as the REST API
 *       returns it, as a string), {@code channel_type}, {@code channel_display_name} ("@sender"
 *       in a direct channel), {@code channel_name}, {@code sender_name} ("@username"),
 *       {@code team_id} ("" for direct channels), {@code set_online}, {@code otherFile} and
 *       {@code image} when files are attached, and for the other member of a direct channel
 *       {@code mentions} ({@code "[\"<their id>\"]"});
 *   <li>{@code post_edited}: {@code post};
 *   <li>{@code post_deleted}: {@code post} (as it was before), and for admins also
 *       {@code delete_by};
 *   <li>{@code reaction_added} / {@code reaction_removed}: {@code reaction}, as a JSON string.
 * </ul>
 * Not emulated: mentions by {@code @username} in team channels, {@code followers}, and the
 * {@code should_ack} of {@code posted_ack} connections.
 */
final class PostEvents implements PostStore.Changes {
    private final UserStore users;
    private final ChannelStore channels;
    private final ServerConfig config;
    private final WebSocketHub hub;

    PostEvents(UserStore users, ChannelStore channels, ServerConfig config, WebSocketHub hub) {
        this.users = users;
        this.channels = channels;
        this.config = config;
        this.hub = hub;
    }

    @Override
    public void posted(Post post) {
        Optional<Channel> found = channels.get(post.channelId());
        Optional<User> sender = users.get(post.userId());
        if (found.isEmpty() || sender.isEmpty()) {
            return;
        }
        Channel channel = found.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("post", json(post));
        data.put("channel_type", channel.type());
        data.put("channel_display_name", channel.isDirect() ? "@" + sender.get().username() : channel.displayName());
        data.put("channel_name", channel.name());
        data.put("sender_name", senderName(post, channel, sender.get()));
        data.put("team_id", channel.teamId());
        data.put("set_online", true);
        if (post.fileIds() != null && !post.fileIds().isEmpty()) {
            data.put("otherFile", "true");
            for (JsonNode file : post.metadata().path("files").values()) {
                if (file.path("mime_type").asString("").startsWith("image/")) {
                    data.put("image", "true");
                    break;
                }
            }
        }
        // In a direct channel the member who did not write is mentioned (DMMention).
        Set<String> mentioned = Set.of();
        if (channel.isDirect()) {
            String other = channel.otherMember(post.userId());
            mentioned = other.equals(post.userId()) ? Set.of() : Set.of(other);
        }
        hub.publish(new WebSocketEvent(WebSocketEvent.POSTED, data, WebSocketEvent.Broadcast.toChannel(channel.id()),
                mentioned));
    }

    @Override
    public void edited(Post post) {
        hub.publish(new WebSocketEvent(WebSocketEvent.POST_EDITED, Map.of("post", json(post)),
                WebSocketEvent.Broadcast.toChannel(post.channelId())));
    }

    @Override
    public void deleted(Post post, String deletedBy) {
        WebSocketEvent.Broadcast channel = WebSocketEvent.Broadcast.toChannel(post.channelId());
        hub.publish(new WebSocketEvent(WebSocketEvent.POST_DELETED, Map.of("post", json(post)), channel.sanitized()));
        hub.publish(new WebSocketEvent(WebSocketEvent.POST_DELETED, Map.of("post", json(post), "delete_by", deletedBy),
                channel.sensitive()));
    }

    void reactionAdded(Reaction reaction) {
        reaction(WebSocketEvent.REACTION_ADDED, reaction);
    }

    void reactionRemoved(Reaction reaction) {
        reaction(WebSocketEvent.REACTION_REMOVED, reaction);
    }

    private void reaction(String type, Reaction reaction) {
        hub.publish(new WebSocketEvent(type, Map.of("reaction", Wire.MAPPER.writeValueAsString(reaction)),
                WebSocketEvent.Broadcast.toChannel(reaction.channelId())));
    }

    /** {@code GetSenderName}: "@username", or a webhook's {@code override_username} outside direct channels when allowed. */
    private String senderName(Post post, Channel channel, User sender) {
        if (config.current().enablePostUsernameOverride() && !channel.isDirect()
                && "true".equals(post.props().path("from_webhook").asString(""))
                && post.props().path("override_username").isString()) {
            return post.props().get("override_username").stringValue();
        }
        return "@" + sender.username();
    }

    private static String json(Post post) {
        return Wire.MAPPER.writeValueAsString(post);
    }
}
