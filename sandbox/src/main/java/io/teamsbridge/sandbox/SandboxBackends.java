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
        DemoWorld world) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A Mattermost account as the page lists it. */
    record MattermostUser(String id, String username, String email) {}

    /**
     * Every person (not bot) in the Mattermost emulator. {@link MattermostControlClient} has no call
     * for {@code GET /_sandbox/users} yet, so this one request is made here.
     */
    List<MattermostUser> mattermostUsers() {
        HttpRequest request = HttpRequest.newBuilder(mattermostUrl.resolve("/_sandbox/users"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mattermost emulator answered GET /_sandbox/users with "
                        + response.statusCode() + ": " + response.body());
            }
            List<MattermostUser> users = new ArrayList<>();
            for (JsonNode user : JSON.readTree(response.body()).values()) {
                if (!user.path("isBot").asBoolean(false)) {
                    users.add(new MattermostUser(user.path("id").asString(), user.path("username").asString(),
                            user.path("email").asString()));
                }
            }
            return users;
        } catch (IOException e) {
            throw new IllegalStateException("Mattermost emulator could not be reached at " + mattermostUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing Mattermost users", e);
        }
    }
}
