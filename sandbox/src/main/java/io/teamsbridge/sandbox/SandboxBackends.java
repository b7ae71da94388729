package io.teamsbridge.sandbox;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandbox page's endpoints reach behind the bridge: both emulators' control APIs and the
 * seeded world. Registered as a bean in the bridge's context by {@link Sandbox}, so the page's
 * controllers get it by constructor injection like any other dependency.
 */
record SandboxBackends(MicrosoftControlClient microsoft, MattermostControlClient mattermost, URI mattermostUrl,
        String botToken, DemoWorld world) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Mattermost account as the page lists it. */
    record MattermostUser(String id, String username, String email) {}

    /**
     * Every person (not bot) in the Mattermost emulator. {@link MattermostControlClient} has no call
     * for {@code GET /_sandbox/users} yet, so the request is made here.
     */
    List<MattermostUser> mattermostUsers() {
        List<MattermostUser> users = new ArrayList<>();
        for (JsonNode user : get(mattermostUrl.resolve("/_sandbox/users"), null).values()) {
            if (!user.path("isBot").asBoolean(false)) {
                users.add(new MattermostUser(user.path("id").asString(), user.path("username").asString(),
                        user.path("email").asString()));
            }
        }
        return users;
    }

    /** The emoji names of the reactions on a post, read as the bot (a member of the direct channel) would. */
    List<String> reactions(String postId) {
        List<String> names = new ArrayList<>();
        get(mattermostUrl.resolve("/api/v4/posts/" + postId + "/reactions"), botToken)
                .forEach(r -> names.add(r.path("emoji_name").asString("")));
        return names;
    }

    private static JsonNode get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mattermost emulator answered GET " + uri.getPath() + " with "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Mattermost emulator could not be reached at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the Mattermost emulator", e);
        }
    }
}
