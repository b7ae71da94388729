package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Injected faults, the rate limiter, the payload limit and the request statistics. */
class FaultsAndLimitsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static MattermostControlClient.Bot bot;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract().withClock(CLOCK));
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        bot = control.createBot("faultbot", "Fault Bot", null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void heal() {
        control.faults(Map.of());
        control.config(Map.of("RateLimitEnabled", false));
    }

    @Test
    void aDownServerAnswersEveryRestRequestWithTheConfiguredStatusButTheControlApiStillWorks() {
        control.faults(Map.of("down", true, "status", 503));

        RestClient.Reply reply = rest.get("/api/v4/users/me", bot.token());

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("status_code").asInt()).isEqualTo(503);
        assertThat(reply.header("X-Request-ID")).isNotNull();
        assertThat(rest.get("/api/v4/system/ping", null).status()).isEqualTo(503);
        assertThat(control.stats().has("requests")).isTrue();

        control.faults(Map.of("down", false));
        assertThat(rest.get("/api/v4/users/me", bot.token()).status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysResponses() {
        control.faults(Map.of("latencyMs", 300));

        long started = System.nanoTime();
        assertThat(rest.get("/api/v4/users/me", bot.token()).status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void beyondTheBurstRequestsAreRefusedWithPlainTextAndRateLimitHeaders() {
        control.config(Map.of("RateLimitEnabled", true, "RateLimitPerSec", 1, "MaxBurst", 2));

        RestClient.Reply first = rest.get("/api/v4/users/me", bot.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(rest.get("/api/v4/users/me", bot.token()).status()).isEqualTo(200);
        assertThat(rest.get("/api/v4/users/me", bot.token()).status()).isEqualTo(200);

        RestClient.Reply refused = rest.get("/api/v4/users/me", bot.token());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().trim()).isEqualTo("limit exceeded");
        assertThat(refused.header("Content-Type")).startsWith("text/plain");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo("3");
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(rest.get("/api/v4/users/me", bot.token()).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheMaximumPayloadSizeIsA413() {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(),
                java.util.List.of(bot.userId(), bot.userId())).json().get("id").stringValue();

        RestClient.Reply reply = rest.post("/api/v4/posts", bot.token(),
                Map.of("channel_id", channelId, "message", "x", "props", Map.of("big", "y".repeat(300_001))));

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void statsCountRequestsPerTemplate() {
        rest.get("/api/v4/users/" + bot.userId(), bot.token());

        JsonNode requests = control.stats().get("requests");

        assertThat(requests.get("GET /api/v4/users/{user_id}").asLong()).isPositive();
        assertThat(control.stats().get("contractViolations").isArray()).isTrue();
    }

    @Test
    void unknownSettingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> control.config(Map.of("NoSuchSetting", 1)))
                .hasMessageContaining("NoSuchSetting");
    }
}
