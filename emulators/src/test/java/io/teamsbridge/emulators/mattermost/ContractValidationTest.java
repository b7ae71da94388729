package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractValidationTest {
    private static MattermostEmulator emulator;
    private static RestClient rest;
    private static MattermostControlClient.Bot bot;
    private static String userId;
    private int violationsBefore;

    @BeforeAll
    static void start() {
        MattermostEmulatorOptions options = MattermostEmulatorOptions.defaults();
        assumeTrue(options.contract().isPresent(),
                "the Mattermost OpenAPI subset (../shared/contracts/mattermost) is not available here");
        long started = System.nanoTime();
        emulator = MattermostEmulator.start(options);
        System.out.println("Emulator with contract started in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        rest = new RestClient(emulator.baseUrl());
        bot = emulator.control().createBot("contractbot", "Contract Bot", null);
        userId = emulator.control().createUser("contractuser", "contractuser@example.com");
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void mark() {
        violationsBefore = emulator.contractViolations().size();
    }

    private List<String> newViolations() {
        List<String> all = emulator.contractViolations();
        return all.subList(violationsBefore, all.size());
    }

    @Test
    void conformingRequestsRecordNoViolation() {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();
        RestClient.Reply post = rest.post("/api/v4/posts", bot.token(),
                Map.of("channel_id", channelId, "message", "hello", "props", Map.of("k", "v"),
                        "pending_post_id", "p1"));
        String postId = post.json().get("id").stringValue();
        rest.put("/api/v4/posts/" + postId + "/patch", bot.token(), Map.of("message", "hi", "props", Map.of("a", 1)));
        rest.get("/api/v4/users/me", bot.token());
        rest.get("/api/v4/users/email/contractuser@example.com", bot.token());
        rest.post("/api/v4/users/ids", bot.token(), List.of(userId));
        rest.get("/api/v4/config/client?format=old", null);
        rest.get("/api/v4/system/ping", null);
        rest.getWith("/api/v4/users/" + userId, Map.of("Authorization", "Token " + bot.token()));

        assertThat(newViolations()).isEmpty();
        assertThat(post.status()).isEqualTo(201);
    }

    @Test
    void aNonStringChannelIdIsRecordedAndStillServedAsTheServerWould() {
        RestClient.Reply reply = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", 42, "message", "x"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("api.context.invalid_body_param.app_error");
        assertThat(newViolations()).singleElement().asString()
                .startsWith("POST /api/v4/posts")
                .contains("channel_id");
        assertThat(emulator.control().stats().get("contractViolations").size())
                .isEqualTo(emulator.contractViolations().size());
    }

    @Test
    void aMissingRequiredFieldIsRecorded() {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();

        RestClient.Reply reply = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(newViolations()).singleElement().asString().contains("message");
    }

    @Test
    void fieldsTheServerTakesButTheSpecForgotAreNotHeldAgainstTheClient() {
        MattermostControlClient.Bot admin = emulator.control().createBot("contractadmin", "Admin", "system_admin");
        String teamId = emulator.control().createTeam("contract-team");

        RestClient.Reply command = rest.post("/api/v4/commands", admin.token(), Map.of("team_id", teamId,
                "trigger", "msteams", "url", "http://127.0.0.1:9/command", "method", "P", "auto_complete", true,
                "auto_complete_desc", "Manage MS Teams", "auto_complete_hint", "[connect|status]",
                "display_name", "MS Teams", "description", "Microsoft Teams notifications"));
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();
        RestClient.Reply ephemeral = rest.post("/api/v4/posts/ephemeral", admin.token(), Map.of("user_id", userId,
                "post", Map.of("channel_id", channelId, "message", "psst", "props", Map.of("a", "b"))));

        assertThat(command.status()).isEqualTo(201);
        assertThat(ephemeral.status()).isEqualTo(201);
        assertThat(newViolations()).isEmpty();
    }

    @Test
    void repliesReactionsTheThreadAndTheWebSocketUpgradeRecordNoViolation() {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();
        String rootId = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId, "message", "root"))
                .json().get("id").stringValue();
        RestClient.Reply reply = rest.post("/api/v4/posts", bot.token(),
                Map.of("channel_id", channelId, "message", "reply", "root_id", rootId));
        RestClient.Reply reaction = rest.post("/api/v4/reactions", bot.token(),
                Map.of("user_id", bot.userId(), "post_id", rootId, "emoji_name", "white_check_mark"));
        rest.get("/api/v4/posts/" + rootId + "/reactions", bot.token());
        rest.get("/api/v4/posts/" + rootId + "/thread", bot.token());
        rest.delete("/api/v4/users/" + bot.userId() + "/posts/" + rootId + "/reactions/white_check_mark", bot.token());
        try (WsClient ws = WsClient.connect(emulator.baseUrl(), bot.token())) {
            String connectionId = ws.nextEvent("hello").get("data").get("connection_id").stringValue();
            try (WsClient again = WsClient.resume(emulator.baseUrl(), bot.token(), connectionId, 1)) {
                again.next();
            }
        }

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reaction.status()).isEqualTo(200);
        assertThat(newViolations()).isEmpty();
    }

    @Test
    void aMisspeltOptionalFieldIsRecorded() {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();

        rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId, "message", "m", "rootid", "x"));

        assertThat(newViolations()).singleElement().asString().contains("rootid");
    }

    @Test
    void theValidatorIsSafeToUseFromManyRequestsAtOnce() throws InterruptedException {
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId))
                .json().get("id").stringValue();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Queue<Integer> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> statuses.add(rest.post("/api/v4/posts", bot.token(),
                    Map.of("channel_id", channelId, "message", "parallel " + n, "pending_post_id", "par-" + n))
                    .status())));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(statuses).hasSize(40).containsOnly(201);
        assertThat(newViolations()).isEmpty();
    }
}
