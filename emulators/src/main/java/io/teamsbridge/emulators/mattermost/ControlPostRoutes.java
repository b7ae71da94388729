package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user has been shown: the posts of their direct channels with bots (the bridge's
 * notifications, oldest first, deleted ones included with their {@code delete_at}), and the
 * ephemeral posts they saw (fields in Mattermost's snake_case); and clicking a button on a post.
 */
final class ControlPostRoutes {
    private final UserStore users;
    private final ChannelStore channels;
    private final PostStore posts;
    private final FileStore files;
    private final PostActions actions;

    ControlPostRoutes(UserStore users, ChannelStore channels, PostStore posts, FileStore files, PostActions actions) {
        this.files = files;
        this.users = users;
        this.channels = channels;
        this.posts = posts;
        this.actions = actions;
    }

    void register(Router router) {
        router.get("/_sandbox/users/{id}/bot-posts", this::botPosts)
                .get("/_sandbox/users/{id}/ephemeral-posts", this::ephemeralPosts)
                .post("/_sandbox/posts/{id}/actions/{actionId}", this::click)
                .get("/_sandbox/files/{id}", this::file);
    }

    /** {@code {userId, selectedOption?}} → {@code {status, response}}: the user clicks a button. */
    private Response click(Request request) throws InterruptedException {
        JsonBody body = JsonBody.object(request, "body");
        User user = users.require(body.string("userId"));
        IntegrationResult result = actions.click(user, request.pathParam("id"), request.pathParam("actionId"),
                body.string("selectedOption"));
        return Wire.control(200, result);
    }

    /** A file's bytes with its content type, whoever asks (the control API has no sessions). */
    private Response file(Request request) {
        FileInfo file = files.get(request.pathParam("id"))
                .orElseThrow(() -> new AppError(404, "app.file_info.get.app_error", "Unable to get the file info."));
        return new Response(200, Map.of("Content-Type", file.mimeType()), file.bytes());
    }

    private Response botPosts(Request request) {
        User user = users.require(request.pathParam("id"));
        List<Post> found = new ArrayList<>();
        for (Channel channel : channels.directChannelsOf(user.id())) {
            String other = channel.otherMember(user.id());
            if (users.get(other).filter(User::isBot).isPresent()) {
                found.addAll(posts.inChannel(channel.id()));
            }
        }
        found.sort(Comparator.comparingLong(Post::createAt));
        return Wire.control(200, found.stream().map(this::withFiles).toList());
    }

    /** A post with {@code files: [{id, name, mime_type, size}]}, as bot-posts lists them. */
    private Map<String, Object> withFiles(Post post) {
        Map<String, Object> view = view(post);
        List<Map<String, Object>> attached = new ArrayList<>();
        for (String id : post.fileIds() == null ? List.<String>of() : post.fileIds()) {
            files.get(id).ifPresent(f -> {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("id", f.id());
                file.put("name", f.name());
                file.put("mime_type", f.mimeType());
                file.put("size", f.size());
                attached.add(file);
            });
        }
        view.put("files", attached);
        return view;
    }

    private Response ephemeralPosts(Request request) {
        User user = users.require(request.pathParam("id"));
        return Wire.control(200, posts.ephemeralFor(user.id()).stream().map(ControlPostRoutes::view).toList());
    }

    private static Map<String, Object> view(Post post) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", post.id());
        view.put("message", post.message());
        view.put("props", post.props());
        view.put("root_id", post.rootId());
        view.put("create_at", post.createAt());
        view.put("update_at", post.updateAt());
        view.put("delete_at", post.deleteAt());
        view.put("user_id", post.userId());
        view.put("channel_id", post.channelId());
        view.put("type", post.type());
        return view;
    }
}
