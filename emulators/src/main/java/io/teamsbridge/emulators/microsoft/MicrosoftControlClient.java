package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A typed client for the Microsoft emulator's {@code /_sandbox/} API, over {@code java.net.http},
 * for tests, the sandbox and the benchmark. A refused call throws {@link IllegalStateException}
 * with the emulator's message: control calls only fail when the caller has a bug.
 */
public final class MicrosoftControlClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public MicrosoftControlClient(URI emulatorBaseUrl) {
        this.baseUrl = emulatorBaseUrl;
    }

    /** @param mail null for a user without a mailbox; @param userPrincipalName null to use the mail address */
    public String createUser(String displayName, @Nullable String mail, @Nullable String userPrincipalName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("mail", mail);
        if (userPrincipalName != null) {
            body.put("userPrincipalName", userPrincipalName);
        }
        return call("POST", "/_sandbox/users", body).get("id").stringValue();
    }

    /** Every user: {@code [{id, displayName, mail, userPrincipalName, presence:{availability, activity}}]}. */
    public JsonNode users() {
        return call("GET", "/_sandbox/users", null);
    }

    public void setPresence(String userId, String availability, String activity) {
        call("PUT", "/_sandbox/users/" + userId + "/presence",
                Map.of("availability", availability, "activity", activity));
    }

    /** The next sign-ins at {@code /authorize} are this user, consent given, until {@link #clearSession()}. */
    public void setSession(String userId) {
        call("PUT", "/_sandbox/session", Map.of("userId", userId));
    }

    public void clearSession() {
        call("PUT", "/_sandbox/session", Map.of());
    }

    public void revoke(String userId) {
        call("POST", "/_sandbox/users/" + userId + "/revoke", Map.of());
    }

    /** Fields given replace the current values; the others stay. See SANDBOX.md for the names. */
    public void faults(Map<String, Object> faults) {
        call("PUT", "/_sandbox/faults", faults);
    }

    /** {@code {requests: {"METHOD template": count}, notificationsSent, deliveryFailures}}. */
    public JsonNode stats() {
        return call("GET", "/_sandbox/stats", null);
    }

    private JsonNode call(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
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
            throw new IllegalStateException("Microsoft emulator control call " + method + " " + path
                    + " could not reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during Microsoft emulator control call " + method + " " + path,
                    e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Microsoft emulator refused " + method + " " + path + " with "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length == 0 ? Json.object() : Json.parse(response.body());
    }
}
