package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ThrottleTest {
    final MutableClock clock = MutableClock.startingNow();
    MicrosoftEmulator emulator;
    OAuthFlow flow;
    String userId;
    String token;

    @BeforeEach
    void start() {
        emulator = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults().withClock(clock));
        flow = new OAuthFlow(emulator);
        userId = emulator.control().createUser("Grady Archie", "grady." + UUID.randomUUID() + "@contoso.test", null);
        token = flow.appToken();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void onByDefaultWithTheDocumentedLimits() {
        for (int i = 0; i < 30; i++) {
            assertThat(flow.graph("/users/" + userId, token).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        assertThat(flow.graph("/users/" + userId, token).statusCode()).isEqualTo(429);
    }

    @Test
    void whenOnTheThirtyFirstOtherGetInASecondIs429WithRetryAfter() {
        emulator.control().faults(Map.of("throttle", true));
        for (int i = 0; i < 30; i++) {
            assertThat(flow.graph("/users/" + userId, token).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }

        HttpResponse<String> throttled = flow.graph("/users/" + userId, token);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        JsonNode error = TestHttp.json(throttled).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("TooManyRequests");
        assertThat(error.has("innerError")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(flow.graph("/users/" + userId, token).statusCode()).isEqualTo(200);
    }

    @Test
    void presenceHasItsOwnBudgetOf1500PerThirtySeconds() {
        emulator.control().faults(Map.of("throttle", true));
        for (int i = 0; i < 30; i++) {
            flow.graph("/users/" + userId, token);
        }
        assertThat(flow.graph("/users/" + userId, token).statusCode()).isEqualTo(429);

        for (int i = 0; i < 1500; i++) {
            assertThat(flow.graph("/users/" + userId + "/presence", token).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> throttled = flow.graph("/users/" + userId + "/presence", token);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("20");
    }

    @Test
    void chatMessagesHaveTheirOwnLimitOf20PerSecondAndSubscriptionsTheirs() {
        String chat = emulator.control().createChat("meeting", "Sync", java.util.List.of(userId));
        for (int i = 0; i < 20; i++) {
            assertThat(flow.graph("/chats/" + chat + "/messages", token).statusCode()).as("request %d", i + 1)
                    .isEqualTo(200);
        }

        HttpResponse<String> throttled = flow.graph("/chats/" + chat + "/messages", token);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(flow.graph("/chats/" + chat, token).statusCode()).isEqualTo(200);
        assertThat(flow.graph("/subscriptions", token).statusCode()).isEqualTo(200);
    }

    @Test
    void turningItOffLiftsTheLimit() {
        emulator.control().faults(Map.of("throttle", true));
        for (int i = 0; i < 30; i++) {
            flow.graph("/users/" + userId, token);
        }
        emulator.control().faults(Map.of("throttle", false));

        assertThat(flow.graph("/users/" + userId, token).statusCode()).isEqualTo(200);
    }
}
