package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts: create (with {@code pending_post_id} de-duplication; replies with {@code root_id}), get,
 * the thread, full update, patch, soft delete (a root takes its replies along), and ephemeral
 * posts, with the server's permission checks: posting needs
 * {@code create_post} in the channel (membership), editing and deleting one's own post needs
 * membership too, others' posts need the {@code *_others_posts} permissions, and ephemeral posts
 * need {@code create_post_ephemeral}, which only system admins have.
 */
final class PostRoutes {
    private final PostStore posts;
    private final PostCreator creator;
    private final ChannelStore channels;
    private final Permissions permissions;
    private final Clock clock;
    private final FaultInterceptor faults;

    PostRoutes(PostStore posts, PostCreator creator, ChannelStore channels, Permissions permissions, Clock clock,
            FaultInterceptor faults) {
        this.faults = faults;
        this.posts = posts;
        this.creator = creator;
        this.channels = channels;
        this.permissions = permissions;
        this.clock = clock;
    }

    void register(ApiRouter api) {
        api.post("/posts", this::create)
                .post("/posts/ephemeral", this::createEphemeral)
                .get("/posts/{post_id}", this::get)
                .put("/posts/{post_id}", this::update)
                .put("/posts/{post_id}/patch", this::patch)
                .delete("/posts/{post_id}", this::delete)
                .get("/posts/{post_id}/thread", this::thread)
                .get("/channels/{channel_id}/posts", this::channelPosts);
    }

    /**
     * {@code GET /posts/{id}/thread}: the post's whole thread as a PostList, the asked-for post
     * first in {@code order}, then the root and the other replies oldest first. Deleted posts are
     * left out; paging parameters are ignored (the whole thread comes back).
     */
    private Response thread(Request request, Caller caller) {
        Post post = existing(request);
        if (post.isDeleted()) {
            throw AppError.postNotFound();
        }
        if (!permissions.hasOnChannel(caller.user(), channels.require(post.channelId()), Permission.READ_CHANNEL)) {
            throw AppError.permission();
        }
        List<Post> thread = new java.util.ArrayList<>(List.of(post));
        posts.thread(post.rootId().isEmpty() ? post.id() : post.rootId()).stream()
                .filter(p -> !p.id().equals(post.id()))
                .forEach(thread::add);
        return Wire.ok(postList(thread));
    }

    /**
     * {@code GET /channels/{id}/posts}: a page of the channel's live posts, newest first, as a
     * PostList ({@code order} and {@code posts} by id); with {@code since} (which excludes paging),
     * every post changed after that time, oldest first, deleted ones included as the server does.
     */
    private Response channelPosts(Request request, Caller caller) {
        String channelId = request.pathParam("channel_id");
        if (!Ids.isValid(channelId)) {
            throw AppError.invalidUrlParam("channel_id");
        }
        Channel channel = channels.require(channelId);
        if (!permissions.hasOnChannel(caller.user(), channel, Permission.READ_CHANNEL)) {
            throw AppError.permission();
        }
        java.util.List<Post> chosen;
        java.util.Optional<String> since = request.queryParam("since");
        if (since.isPresent() && !since.get().isEmpty()) {
            long after;
            try {
                after = Long.parseLong(since.get());
            } catch (NumberFormatException e) {
                throw AppError.invalidUrlParam("since");
            }
            chosen = posts.inChannel(channelId).stream().filter(p -> p.updateAt() > after).limit(1000).toList();
        } else {
            java.util.List<Post> live = new java.util.ArrayList<>(posts.inChannel(channelId).stream()
                    .filter(p -> !p.isDeleted()).toList());
            java.util.Collections.reverse(live);
            chosen = Paging.of(request).apply(live);
        }
        return Wire.ok(postList(chosen));
    }

    /** A {@code model.PostList}: ids in {@code order}, the posts by id, no further pages. */
    private static java.util.Map<String, Object> postList(List<Post> chosen) {
        java.util.Map<String, Object> list = new java.util.LinkedHashMap<>();
        list.put("order", chosen.stream().map(Post::id).toList());
        java.util.Map<String, Post> byId = new java.util.LinkedHashMap<>();
        chosen.forEach(p -> byId.put(p.id(), p));
        list.put("posts", byId);
        list.put("next_post_id", "");
        list.put("prev_post_id", "");
        list.put("has_next", false);
        return list;
    }

    private Response create(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "post");
        String channelId = body.string("channel_id");
        boolean allowed = channels.get(channelId)
                .filter(c -> c.deleteAt() == 0)
                .filter(c -> permissions.hasOnChannel(caller.user(), c, Permission.CREATE_POST)
                        || (Channel.OPEN.equals(c.type())
                                && permissions.hasOnTeam(caller.user(), c.teamId(), Permission.CREATE_POST_PUBLIC)))
                .isPresent();
        if (!allowed) {
            throw AppError.permission();
        }
        PostCreator.Draft draft = new PostCreator.Draft(channelId, body.string("message"), body.string("root_id"),
                body.object("props"), body.stringList("file_ids"), body.string("pending_post_id"), "");
        Post created = creator.create(caller.user(), draft);
        if (faults.loseThisAnswer()) {
            throw new AppError(502, "sandbox.fault.lost_answer",
                    "The post was created, but its answer was lost (fault injected through /_sandbox/faults).");
        }
        return Wire.created(created);
    }

    private Response createEphemeral(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "body");
        String userId = body.string("user_id");
        if (userId.isEmpty()) {
            throw AppError.invalidBodyParam("user_id");
        }
        if (!body.has("post")) {
            throw AppError.invalidBodyParam("post");
        }
        JsonBody post = body.child("post");
        permissions.require(caller.user(), Permission.CREATE_POST_EPHEMERAL);
        long now = clock.millis();
        Post ephemeral = new Post(Ids.newId(), now, now, 0, 0, false, caller.userId(), post.string("channel_id"),
                post.string("root_id"), "", post.string("message"), Post.EPHEMERAL, post.object("props"), "",
                post.stringList("file_ids"), "", 0, 0, Json.object());
        posts.addEphemeral(userId, ephemeral);
        return Wire.created(ephemeral);
    }

    private Response get(Request request, Caller caller) {
        Post post = existing(request);
        Channel channel = channels.require(post.channelId());
        if (!permissions.hasOnChannel(caller.user(), channel, Permission.READ_CHANNEL)) {
            throw AppError.permission();
        }
        boolean includeDeleted = Boolean.parseBoolean(request.queryParam("include_deleted").orElse("false"))
                && permissions.has(caller.user(), Permission.MANAGE_SYSTEM);
        if (post.isDeleted() && !includeDeleted) {
            throw AppError.postNotFound();
        }
        return Wire.ok(post);
    }

    /** {@code PUT /posts/{id}}: fields left out are treated as blank, as the server documents. */
    private Response update(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "post");
        if (!body.string("id").equals(request.pathParam("post_id"))) {
            throw AppError.invalidBodyParam("id");
        }
        Post old = editable(request, caller);
        String message = body.string("message");
        creator.checkMessage(message);
        ObjectNode props = old.withServerMarks(body.object("props"));
        creator.checkProps(props);
        Post updated = old.edited(message, props, body.bool("is_pinned"), clock.millis());
        posts.replace(updated);
        return Wire.ok(updated);
    }

    /** {@code PUT /posts/{id}/patch}: only the fields present change. */
    private Response patch(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "post");
        Post old = editable(request, caller);
        String message = body.optionalString("message").orElse(old.message());
        creator.checkMessage(message);
        ObjectNode props = body.has("props") ? old.withServerMarks(body.object("props")) : old.props();
        creator.checkProps(props);
        boolean pinned = body.has("is_pinned") ? body.bool("is_pinned") : old.isPinned();
        Post updated = old.edited(message, props, pinned, clock.millis());
        posts.replace(updated);
        return Wire.ok(updated);
    }

    private Response delete(Request request, Caller caller) {
        Post post = existing(request);
        if (post.isDeleted()) {
            throw AppError.postNotFound();
        }
        Channel channel = channels.require(post.channelId());
        boolean own = post.userId().equals(caller.userId())
                && permissions.hasOnChannel(caller.user(), channel, Permission.DELETE_POST);
        if (!own && !permissions.hasOnChannel(caller.user(), channel, Permission.DELETE_OTHERS_POSTS)) {
            throw AppError.permission();
        }
        posts.delete(post, caller.userId(), clock.millis());
        return Wire.statusOk();
    }

    private Post existing(Request request) {
        String id = request.pathParam("post_id");
        if (!Ids.isValid(id)) {
            throw AppError.invalidUrlParam("post_id");
        }
        return posts.get(id).orElseThrow(AppError::postNotFound);
    }

    private Post editable(Request request, Caller caller) {
        Post post = existing(request);
        Channel channel = channels.require(post.channelId());
        boolean own = post.userId().equals(caller.userId())
                && permissions.hasOnChannel(caller.user(), channel, Permission.EDIT_POST);
        if (!own && !permissions.hasOnChannel(caller.user(), channel, Permission.EDIT_OTHERS_POSTS)) {
            throw AppError.permission();
        }
        if (post.isDeleted()) {
            throw new AppError(400, "api.post.update_post.permissions_details.app_error",
                    "Already deleted id=" + post.id());
        }
        return post;
    }
}
