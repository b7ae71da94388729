package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Malformed, oversized or misdirected requests get a 4xx with no stack trace, and change nothing. */
class HostileInputIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(bridge.harness().bridgeUrl() + path);
    }

    private long rows() {
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        return jdbc.sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM account_link").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM preference").query(Long.class).single();
    }

    private static void assertClientError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
    }

    @Test
    void commandRequestsInTheWrongShapeAreRefused() throws Exception {
        long before = rows();
        assertClientError(send(HttpRequest.newBuilder(uri("/mattermost/command"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"connect\"}"))), 415);
        assertClientError(send(HttpRequest.newBuilder(uri("/mattermost/command")).GET()), 405);
        assertClientError(send(HttpRequest.newBuilder(uri("/mattermost/command"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + "a".repeat(200_000)))), 413);
        assertClientError(send(HttpRequest.newBuilder(uri("/mattermost/command"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("%%%=%zz&token"))), 400);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void connectAndCallbackWithGarbageAreRefused() throws Exception {
        long before = rows();
        assertClientError(send(HttpRequest.newBuilder(uri("/connect?state=" + "x".repeat(5000)))), 400);
        assertClientError(send(HttpRequest.newBuilder(uri("/connect"))), 400);
        assertClientError(send(HttpRequest.newBuilder(uri("/oauth/callback?state=%3Cscript%3E&code=1"))), 400);
        HttpResponse<String> reflected = send(HttpRequest.newBuilder(uri("/oauth/callback?state=s&error=%3Cscript%3Ealert(1)%3C/script%3E")));
        assertClientError(reflected, 400);
        assertThat(reflected.body()).doesNotContain("<script>");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unknownOrEscapingPathsAreRefusedWithoutDetails() throws Exception {
        assertClientError(send(HttpRequest.newBuilder(uri("/../../etc/passwd"))), 400);
        assertClientError(send(HttpRequest.newBuilder(uri("/bridge/admin"))), 404);
        assertClientError(send(HttpRequest.newBuilder(uri("/actuator/env"))), 404);
    }
}
