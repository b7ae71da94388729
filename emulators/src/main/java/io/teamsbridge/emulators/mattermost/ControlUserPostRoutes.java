package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /_sandbox/users/{id}/bot-posts} {@code {message, rootId?, botId?}} → 201
 * {@code {id}}: the user writes in their direct channel with a bot, as the web app would post it
 * ({@code POST /api/v4/posts} with the user's session): the post is the user's, and the
 * {@code posted} WebSocket event goes to the channel's members as usual. With {@code rootId} it is
 * a reply in that thread, and the thread's channel must be the user's direct channel with a bot;
 * otherwise the channel is the one with {@code botId}, or the user's only direct channel with a
 * bot (created with the only bot there is, if none exists yet). The bot-posts listing
 * ({@code GET}) is {@link ControlPostRoutes}'.
 */
final class ControlUserPostRoutes {
    private final UserStore users;
    private final ChannelStore channels;
    private final PostStore posts;
    private final PostCreator creator;

    ControlUserPostRoutes(UserStore users, ChannelStore channels, PostStore posts, PostCreator creator) {
        this.users = users;
        this.channels = channels;
        this.posts = posts;
        this.creator = creator;
    }

    void register(Router router) {
        router.post("/_sandbox/users/{id}/bot-posts", this::write);
    }

    private Response write(Request request) {
        JsonBody body = JsonBody.object(request, "body");
        User user = users.require(request.pathParam("id"));
        if (user.isBot()) {
            throw new AppError(400, "sandbox.bot_posts.user_is_bot", "User " + user.id() + " is a bot; only people write"
                    + " to a bot here.");
        }
        String rootId = body.string("rootId");
        Channel channel = rootId.isEmpty() ? botChannel(user, body.string("botId")) : threadChannel(user, rootId);
        Post post = creator.create(user, new PostCreator.Draft(channel.id(), body.string("message"), rootId,
                Json.object(), List.of(), "", ""));
        return Wire.control(201, Map.of("id", post.id()));
    }

    private Channel threadChannel(User user, String rootId) {
        Post root = posts.get(rootId).orElseThrow(() -> new AppError(400, "api.post.create_post.root_id.app_error",
                "rootId " + rootId + " is not a post."));
        Channel channel = channels.require(root.channelId());
        if (!channel.isDirect() || !channels.isMember(channel.id(), user.id())
                || !isBot(channel.otherMember(user.id()))) {
            throw new AppError(400, "sandbox.bot_posts.root_not_in_bot_channel",
                    "rootId " + rootId + " is not in the user's direct channel with a bot.");
        }
        return channel;
    }

    private Channel botChannel(User user, String botId) {
        if (!botId.isEmpty()) {
            if (!isBot(botId)) {
                throw new AppError(400, "sandbox.bot_posts.not_a_bot", "botId " + botId + " is not a bot.");
            }
            return channels.direct(user.id(), botId, user.id());
        }
        List<Channel> withBots = channels.directChannelsOf(user.id()).stream()
                .filter(c -> isBot(c.otherMember(user.id())))
                .toList();
        if (withBots.size() == 1) {
            return withBots.getFirst();
        }
        List<User> bots = users.all().stream().filter(User::isBot).toList();
        if (withBots.isEmpty() && bots.size() == 1) {
            return channels.direct(user.id(), bots.getFirst().id(), user.id());
        }
        throw new AppError(400, "sandbox.bot_posts.which_bot", "The user has " + withBots.size()
                + " direct channels with bots and there are " + bots.size() + " bots: say which with botId or rootId.");
    }

    private boolean isBot(String userId) {
        return users.get(userId).filter(User::isBot).isPresent();
    }
}
