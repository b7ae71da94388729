package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Emoji reactions ({@code api4/reaction.go}, {@code app/reaction.go}): save, list and remove, with
 * the server's checks. Saving needs {@code user_id} to be the caller's own (403 otherwise) and
 * {@code add_reaction} on the post's channel; removing needs {@code remove_reaction} there, and
 * {@code remove_others_reactions} (system admins) for someone else's. A post may carry at most
 * {@value #UNIQUE_EMOJI_LIMIT} different emojis ({@code UniqueEmojiReactionLimitPerPost}). Saving
 * answers 200 (the handler never sets 201, whatever the OpenAPI says); removing a reaction that
 * is not there still answers OK. Not emulated: unknown emoji names are accepted (the server looks
 * them up among its system and custom emojis), and the post's {@code has_reactions} and
 * {@code update_at} do not change.
 */
final class ReactionRoutes {
    static final int UNIQUE_EMOJI_LIMIT = 50;
    private static final int EMOJI_NAME_MAX_LENGTH = 64;
    private static final Pattern EMOJI_NAME = Pattern.compile("[a-zA-Z0-9\\-+_]+");

    private final ReactionStore reactions;
    private final PostStore posts;
    private final ChannelStore channels;
    private final Permissions permissions;
    private final PostEvents events;
    private final Clock clock;

    ReactionRoutes(ReactionStore reactions, PostStore posts, ChannelStore channels, Permissions permissions,
            PostEvents events, Clock clock) {
        this.reactions = reactions;
        this.posts = posts;
        this.channels = channels;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    void register(ApiRouter api) {
        api.post("/reactions", this::save)
                .get("/posts/{post_id}/reactions", this::list)
                .delete("/users/{user_id}/posts/{post_id}/reactions/{emoji_name}", this::delete);
    }

    private Response save(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "reaction");
        String userId = body.string("user_id");
        String postId = body.string("post_id");
        String emojiName = body.string("emoji_name");
        if (!Ids.isValid(userId) || !Ids.isValid(postId) || emojiName.isEmpty()
                || emojiName.length() > EMOJI_NAME_MAX_LENGTH) {
            throw new AppError(400, "api.reaction.save_reaction.invalid.app_error", "Reaction is not valid.");
        }
        if (!userId.equals(caller.userId())) {
            throw new AppError(403, "api.reaction.save_reaction.user_id.app_error",
                    "You cannot save reaction for the other user.");
        }
        requireOnPost(caller, postId, Permission.ADD_REACTION);
        Post post = posts.requireLive(postId);
        if (!reactions.emojiOnPost(postId, emojiName) && reactions.uniqueEmojis(postId) >= UNIQUE_EMOJI_LIMIT) {
            throw new AppError(400, "app.reaction.save.save.too_many_reactions",
                    "Reaction limit has been reached for this post.");
        }
        if (!EMOJI_NAME.matcher(emojiName).matches()) {
            throw new AppError(400, "model.reaction.is_valid.emoji_name.app_error", "Invalid emoji name.");
        }
        long now = clock.millis();
        Reaction reaction = new Reaction(userId, postId, emojiName, now, now, 0, "", post.channelId());
        reactions.save(reaction);
        events.reactionAdded(reaction);
        return Wire.ok(reaction);
    }

    private Response list(Request request, Caller caller) {
        String postId = request.pathParam("post_id");
        if (!Ids.isValid(postId)) {
            throw AppError.invalidUrlParam("post_id");
        }
        requireOnPost(caller, postId, Permission.READ_CHANNEL);
        return Wire.ok(reactions.live(postId));
    }

    private Response delete(Request request, Caller caller) {
        String userId = "me".equals(request.pathParam("user_id")) ? caller.userId() : request.pathParam("user_id");
        if (!Ids.isValid(userId)) {
            throw AppError.invalidUrlParam("user_id");
        }
        String postId = request.pathParam("post_id");
        if (!Ids.isValid(postId)) {
            throw AppError.invalidUrlParam("post_id");
        }
        String emojiName = request.pathParam("emoji_name");
        if (emojiName.length() > EMOJI_NAME_MAX_LENGTH || !EMOJI_NAME.matcher(emojiName).matches()) {
            throw AppError.invalidUrlParam("emoji_name");
        }
        requireOnPost(caller, postId, Permission.REMOVE_REACTION);
        if (!userId.equals(caller.userId()) && !permissions.has(caller.user(), Permission.REMOVE_OTHERS_REACTIONS)) {
            throw AppError.permission();
        }
        Post post = posts.requireLive(postId);
        long now = clock.millis();
        Reaction removed = reactions.delete(userId, postId, emojiName, now)
                .orElseGet(() -> new Reaction(userId, postId, emojiName, 0, now, now, "", post.channelId()));
        events.reactionRemoved(removed);
        return Wire.statusOk();
    }

    /**
     * {@code SessionHasPermissionToChannelByPost}: the permission on the post's channel; for a post
     * that does not exist only a system-wide grant counts, so others get 403 rather than 404.
     */
    private void requireOnPost(Caller caller, String postId, Permission permission) {
        boolean allowed = posts.get(postId)
                .flatMap(post -> channels.get(post.channelId()))
                .map(channel -> permissions.hasOnChannel(caller.user(), channel, permission))
                .orElseGet(() -> permissions.has(caller.user(), permission));
        if (!allowed) {
            throw AppError.permission();
        }
    }
}
