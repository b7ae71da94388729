package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A typed client for a Mattermost emulator's control API ({@code /_sandbox/}), for tests, the
 * sandbox and the benchmark. A call the emulator refuses throws {@link IllegalStateException}
 * with the status and the emulator's explanation. Thread-safe.
 */
public final class MattermostControlClient {
    /** A bot account and an access token for it. */
    public record Bot(String userId, String token) {}

    /** What a user would see after running a slash command: status, and the response or error JSON. */
    public record CommandResult(int status, JsonNode response) {}

    /**
     * What the server answers a dialog submission or a button click with: status, and the
     * integration's reply (or {@code {status, goto_location}} for a click) or an AppError.
     */
    public record CallbackResult(int status, JsonNode response) {}

    /** An uploaded file's bytes and content type. */
    public record FileBytes(byte[] bytes, String contentType) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    public MattermostControlClient(URI emulatorBaseUrl) {
        this.base = emulatorBaseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Creates a user with role {@code system_user}; returns the id. */
    public String createUser(String username, String email) {
        return createUser(username, email, "", "", "system_user", "en");
    }

    /** Creates a user; {@code roles} e.g. "system_user system_admin"; returns the id. */
    public String createUser(String username, String email, String firstName, String lastName, String roles,
            String locale) {
        return createUser(username, email, firstName, lastName, roles, locale, true, "");
    }

    /**
     * Creates a user whose email may be unverified, or who signs in through SSO ({@code authService}
     * e.g. "saml"; "" for email and password); returns the id.
     */
    public String createUser(String username, String email, String firstName, String lastName, String roles,
            String locale, boolean emailVerified, String authService) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("emailVerified", emailVerified);
        body.put("authService", authService);
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("roles", roles);
        body.put("locale", locale);
        return call("POST", "users", body).get("id").stringValue();
    }

    /** A session token for the user, as if they had signed in. */
    public String createToken(String userId) {
        return call("POST", "users/" + encode(userId) + "/tokens", Map.of()).get("token").stringValue();
    }

    public void setStatus(String userId, String status) {
        call("PUT", "users/" + encode(userId) + "/status", Map.of("status", status));
    }

    /** Creates a bot and an access token for it; {@code roles} may be null for plain {@code system_user}. */
    public Bot createBot(String username, String displayName, String roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", displayName == null ? "" : displayName);
        body.put("roles", roles == null ? "" : roles);
        JsonNode created = call("POST", "bots", body);
        return new Bot(created.get("id").stringValue(), created.get("token").stringValue());
    }

    /** Creates an open team (listed to everyone); returns the id. */
    public String createTeam(String name) {
        return createTeam(name, name, true);
    }

    /** Creates a team; an invite-only team ({@code open=false}) is listed to system admins only. */
    public String createTeam(String name, String displayName, boolean open) {
        return call("POST", "teams", Map.of("name", name, "displayName", displayName, "open", open))
                .get("id").stringValue();
    }

    public void addTeamMember(String teamId, String userId) {
        addTeamMember(teamId, userId, false);
    }

    /** Adds a member, as a team admin (who may manage slash commands) when asked. */
    public void addTeamMember(String teamId, String userId, boolean teamAdmin) {
        call("POST", "teams/" + encode(teamId) + "/members", Map.of("userId", userId, "admin", teamAdmin));
    }

    /** Runs a command (e.g. "/msteams connect") as the user in the team's town square. */
    public CommandResult executeCommand(String userId, String teamId, String command) {
        return executeCommand(userId, teamId, null, command);
    }

    public CommandResult executeCommand(String userId, String teamId, String channelId, String command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("teamId", teamId);
        if (channelId != null) {
            body.put("channelId", channelId);
        }
        body.put("command", command);
        JsonNode result = call("POST", "commands/execute", body);
        return new CommandResult(result.get("status").asInt(), result.get("response"));
    }

    /** Posts in the user's direct channels with bots, oldest first. */
    public List<JsonNode> botPosts(String userId) {
        return list(call("GET", "users/" + encode(userId) + "/bot-posts", null));
    }

    /**
     * The user writes in their direct channel with the bot (the only bot, or the only one they
     * have a direct channel with); the server's {@code posted} event goes out as usual. Returns the
     * post's id.
     */
    public String postToBot(String userId, String message) {
        return postToBot(userId, message, null);
    }

    /** The user replies in the thread {@code rootId} of their direct channel with a bot (none: a new post). */
    public String postToBot(String userId, String message, String rootId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (rootId != null) {
            body.put("rootId", rootId);
        }
        return call("POST", "users/" + encode(userId) + "/bot-posts", body).get("id").stringValue();
    }

    /** The user writes to this bot in particular, in their direct channel (created if needed). */
    public String postToBot(String userId, String botId, String message, String rootId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("botId", botId);
        if (rootId != null) {
            body.put("rootId", rootId);
        }
        return call("POST", "users/" + encode(userId) + "/bot-posts", body).get("id").stringValue();
    }

    /** The server's WebSocket connections: {@code [{connectionId, userId, active, sequence}]}. */
    public List<JsonNode> webSockets() {
        return list(call("GET", "websockets", null));
    }

    /**
     * Drops every WebSocket without a close frame, as a network failure does; the connections stay
     * resumable. Returns how many sockets were dropped.
     */
    public int dropWebSockets() {
        return dropWebSockets(false);
    }

    /** As {@link #dropWebSockets()}; with {@code forget} as a server restart, so a reconnect gets a new {@code hello}. */
    public int dropWebSockets(boolean forget) {
        return call("POST", "websockets/drop", Map.of("forget", forget)).get("dropped").asInt();
    }

    public List<JsonNode> ephemeralPosts(String userId) {
        return list(call("GET", "users/" + encode(userId) + "/ephemeral-posts", null));
    }

    public List<JsonNode> dialogs(String userId) {
        return list(call("GET", "users/" + encode(userId) + "/dialogs", null));
    }

    /** Submits (or cancels) a dialog the integration opened for a user; see {@link #dialogs}. */
    public CallbackResult submitDialog(String dialogId, Map<String, Object> submission, boolean cancelled) {
        JsonNode result = call("POST", "dialogs/" + encode(dialogId) + "/submit",
                Map.of("submission", submission, "cancelled", cancelled));
        return new CallbackResult(result.get("status").asInt(), result.get("response"));
    }

    /** The user clicks the button (attachment action) {@code actionId} of a post. */
    public CallbackResult clickButton(String postId, String actionId, String userId) {
        JsonNode result = call("POST", "posts/" + encode(postId) + "/actions/" + encode(actionId),
                Map.of("userId", userId));
        return new CallbackResult(result.get("status").asInt(), result.get("response"));
    }

    /** Changes server settings by their Mattermost names, e.g. {@code ShowEmailAddress=false}. */
    public void config(Map<String, Object> settings) {
        call("PUT", "config", settings);
    }

    /** Disables (false) or enables (true) an access token, as an administrator can in Mattermost. */
    public void tokenActive(String token, boolean active) {
        call("PUT", "tokens/active", java.util.Map.of("token", token, "active", active));
    }

    /**
     * Replaces the injected faults: {@code down}, {@code status} (default 503), {@code latencyMs},
     * {@code loseAnswers} (the next n post creations succeed but answer 502).
     */
    public void faults(Map<String, Object> faults) {
        call("PUT", "faults", faults);
    }

    /** {@code {requests: {"METHOD template": n}, contractViolations: [...]}}. */
    public JsonNode stats() {
        return call("GET", "stats", null);
    }

    /** The team's registered commands, with url, trigger and token. */
    public List<JsonNode> commands(String teamId) {
        return list(call("GET", "teams/" + encode(teamId) + "/commands", null));
    }

    /** Deletes a command as an admin would. */
    public void deleteCommand(String commandId) {
        call("DELETE", "commands/" + encode(commandId), null);
    }

    /** The bytes of an uploaded file ({@code GET /_sandbox/files/{id}}). */
    public FileBytes file(String fileId) {
        URI uri = base.resolve("/_sandbox/files/" + encode(fileId));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mattermost emulator control call GET " + uri + " answered " + response.statusCode());
            }
            return new FileBytes(response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("Mattermost emulator control call GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during control call GET " + uri, e);
        }
    }

    void close() {
        http.close();
    }

    private JsonNode call(String method, String path, Object body) {
        URI uri = base.resolve("/_sandbox/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Mattermost emulator control call " + method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during control call " + method + " " + uri, e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Mattermost emulator control call " + method + " " + uri + " answered "
                    + response.statusCode() + ": " + text);
        }
        return response.body().length == 0 ? Json.object() : Json.parse(response.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(array.values());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
