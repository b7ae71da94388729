package io.teamsbridge.mattermost;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.http.OutboundHttp;
import io.teamsbridge.http.OutboundMetrics;
import io.teamsbridge.mattermost.MattermostWire.AppError;
import io.teamsbridge.mattermost.MattermostWire.Channel;
import io.teamsbridge.mattermost.MattermostWire.Command;
import io.teamsbridge.mattermost.MattermostWire.NewPost;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.mattermost.MattermostWire.RegeneratedToken;
import io.teamsbridge.mattermost.MattermostWire.Team;
import io.teamsbridge.mattermost.MattermostWire.User;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mattermost REST API v4, as the bot. Each method is one documented call; errors become {@link
 * MattermostException} carrying Mattermost's error id.
 */
@Component
public class MattermostClient {
    private static final int PAGE_SIZE = 200;
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final MattermostProperties properties;
    private final OutboundHttp http;

    public MattermostClient(MattermostProperties properties, OutboundClients clients) {
        this.properties = properties;
        this.http = clients.sender("Mattermost", OutboundMetrics.MATTERMOST, Duration.ofSeconds(2));
    }

    public User me() {
        return call("GET", "/users/me", null, User.class);
    }

    public User user(String userId) {
        return call("GET", "/users/" + encode(userId), null, User.class);
    }

    /** Every team the bot can see (all of them for a system admin), page by page. */
    public List<Team> teams() {
        List<Team> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Team> batch = list("GET", "/teams?page=" + page + "&per_page=" + PAGE_SIZE, null, Team.class);
            all.addAll(batch);
            if (batch.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    public List<Command> customCommands(String teamId) {
        return list("GET", "/commands?team_id=" + encode(teamId) + "&custom_only=true", null, Command.class);
    }

    public Command createCommand(Command command) {
        return call("POST", "/commands", command, Command.class);
    }

    public Command updateCommand(Command command) {
        return call("PUT", "/commands/" + encode(command.id()), command, Command.class);
    }

    public String regenerateCommandToken(String commandId) {
        return call("PUT", "/commands/" + encode(commandId) + "/regen_token", null, RegeneratedToken.class).token();
    }

    public Channel directChannel(String userA, String userB) {
        return call("POST", "/channels/direct", List.of(userA, userB), Channel.class);
    }

    public Post createPost(NewPost post) {
        return call("POST", "/posts", post, Post.class);
    }

    /**
     * A post only {@code userId} sees, in a channel, until they reload; Mattermost does not keep it.
     * Needs the {@code create_post_ephemeral} permission (system admins have it).
     */
    public Post createEphemeralPost(String userId, String channelId, String message, java.util.Map<String, Object> props) {
        return call("POST", "/posts/ephemeral", java.util.Map.of("user_id", userId,
                "post", java.util.Map.of("channel_id", channelId, "message", message, "props", props)), Post.class);
    }

    /**
     * Opens an interactive dialog for the user a {@code trigger_id} was issued to (by a command or a
     * button press, valid for seconds). The route needs no session: the signed trigger is the credential.
     */
    public void openDialog(String triggerId, String url, java.util.Map<String, Object> dialog) {
        send("POST", "/actions/dialogs/open", java.util.Map.of("trigger_id", triggerId, "url", url, "dialog", dialog));
    }

    /**
     * One page of a channel's posts, newest first ({@code page} 0 is the newest). Needs
     * {@code read_channel}, which the bot has in its own direct channels.
     */
    public List<Post> channelPosts(String channelId, int page, int perPage) {
        return inOrder(call("GET", "/channels/" + encode(channelId) + "/posts?page=" + page + "&per_page=" + perPage, null,
                MattermostWire.PostList.class));
    }

    /** A PostList's posts in its {@code order}. */
    private static List<Post> inOrder(MattermostWire.PostList list) {
        List<Post> out = new ArrayList<>();
        if (list.order() != null && list.posts() != null) {
            for (String id : list.order()) {
                Post post = list.posts().get(id);
                if (post != null) {
                    out.add(post);
                }
            }
        }
        return out;
    }

    /**
     * The server's limited client configuration ({@code format=old}: every value a string), which
     * any signed-in account may read; the bridge reads its file settings there.
     */
    public java.util.Map<String, String> clientConfig() {
        return read(send("GET", "/config/client?format=old", null),
                JSON.getTypeFactory().constructMapType(java.util.Map.class, String.class, String.class));
    }

    /**
     * Uploads one file into a channel, to be attached to one post by the same account; returns its
     * id. A {@code multipart/form-data} form with {@code channel_id} first, so the server streams it.
     * Needs {@code upload_file} there, which a direct channel's members have.
     */
    public String uploadFile(String channelId, String filename, String contentType, byte[] bytes) {
        String boundary = "teamsbridge" + java.util.UUID.randomUUID().toString().replace("-", "");
        String safeName = filename.replaceAll("[\"\\\\\r\n]", "_");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"channel_id\"\r\n\r\n" + channelId + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + safeName + "\"\r\n"
                + "Content-Type: " + contentType.replaceAll("[\r\n]", "") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.base() + "/api/v4/files"))
                .timeout(properties.requestTimeout().plusSeconds(bytes.length / (256 * 1024)))
                .header("Authorization", "Bearer " + properties.botToken())
                .header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, bytes, tail)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request);
        } catch (OutboundHttp.UnreachableException e) {
            throw new MattermostException(0, "unreachable", e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error("POST", "/files", response);
        }
        MattermostWire.FileUpload upload = read(response, JSON.constructType(MattermostWire.FileUpload.class));
        if (upload.fileInfos() == null || upload.fileInfos().isEmpty() || upload.fileInfos().getFirst().id() == null) {
            throw new MattermostException(response.statusCode(), "unreadable_response", "Mattermost answered POST /api/v4/files without a file", null);
        }
        return upload.fileInfos().getFirst().id();
    }

    /** One post by id; a deleted one answers 404 (or comes back with {@code delete_at} set). */
    public Post post(String postId) {
        return call("GET", "/posts/" + encode(postId), null, Post.class);
    }

    /**
     * A channel's posts created or changed since {@code sinceMillis} (Mattermost's {@code since},
     * which takes no paging), oldest first.
     */
    public List<Post> channelPostsSince(String channelId, long sinceMillis) {
        List<Post> out = inOrder(call("GET", "/channels/" + encode(channelId) + "/posts?since=" + sinceMillis, null,
                MattermostWire.PostList.class));
        out.sort(java.util.Comparator.comparing(p -> p.createAt() == null ? 0L : p.createAt()));
        return out;
    }

    /** Users by username; unknown names are left out. */
    public List<User> usersByUsernames(java.util.Collection<String> usernames) {
        return list("POST", "/users/usernames", List.copyOf(usernames), User.class);
    }

    /** Adds the bot's reaction to a post; adding the same one again changes nothing. */
    public void addReaction(String botUserId, String postId, String emojiName) {
        send("POST", "/reactions", java.util.Map.of("user_id", botUserId, "post_id", postId, "emoji_name", emojiName));
    }

    /** Deletes a post (the bot may delete its own). */
    public void deletePost(String postId) {
        send("DELETE", "/posts/" + encode(postId), null);
    }

    /** Replaces a post's message and props (the bot may change its own posts). */
    public Post patchPost(String postId, String message, java.util.Map<String, Object> props) {
        return call("PUT", "/posts/" + encode(postId) + "/patch", java.util.Map.of("message", message, "props", props), Post.class);
    }

    /** Replaces a post's message; Mattermost marks it edited. */
    public Post patchPostMessage(String postId, String message) {
        return call("PUT", "/posts/" + encode(postId) + "/patch", java.util.Map.of("message", message), Post.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return read(send(method, path, body), JSON.constructType(type));
    }

    private <T> List<T> list(String method, String path, Object body, Class<T> element) {
        return read(send(method, path, body), JSON.getTypeFactory().constructCollectionType(List.class, element));
    }

    private HttpResponse<byte[]> send(String method, String path, Object body) {
        HttpRequest.Builder request = OutboundHttp.jsonRequest(method, URI.create(properties.base() + "/api/v4" + path),
                        properties.requestTimeout(), properties.botToken(), body == null ? null : JSON.writeValueAsBytes(body))
                .header("X-Requested-With", "XMLHttpRequest");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build());
        } catch (OutboundHttp.UnreachableException e) {
            throw new MattermostException(0, "unreachable", e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(method, path, response);
        }
        return response;
    }

    private static <T> T read(HttpResponse<byte[]> response, JavaType type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new MattermostException(response.statusCode(), "unreadable_response",
                    "Mattermost answered " + response.request().method() + " " + response.request().uri().getPath()
                            + " with a body that is not the expected JSON", e);
        }
    }

    private static MattermostException error(String method, String path, HttpResponse<byte[]> response) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String id = "http_" + response.statusCode();
        String message = new String(response.body(), StandardCharsets.UTF_8);
        try {
            AppError error = JSON.readValue(response.body(), AppError.class);
            if (error.id() != null) {
                id = error.id();
            }
            if (error.message() != null) {
                message = error.message();
            }
        } catch (JacksonException notJson) {
            // keep the raw text (e.g. the rate limiter's "limit exceeded")
        }
        if (message.length() > 300) {
            message = message.substring(0, 300);
        }
        return new MattermostException(response.statusCode(), id,
                "Mattermost answered " + method + " /api/v4" + pathOnly + " with " + response.statusCode() + " " + id
                        + ": " + message.strip(), null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
