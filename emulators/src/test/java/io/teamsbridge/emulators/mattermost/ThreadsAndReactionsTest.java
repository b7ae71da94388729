package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Threads (root_id), reactions, and the user's side of the bot conversation in the control API. */
class ThreadsAndReactionsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-04T09:00:00Z"));
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract().withClock(CLOCK));
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private record World(MattermostControlClient.Bot bot, String userId, String channelId) {}

    private static World world() {
        int n = NAMES.incrementAndGet();
        MattermostControlClient.Bot bot = control.createBot("threadbot" + n, "Thread Bot " + n, null);
        String userId = control.createUser("threaduser" + n, "threaduser" + n + "@example.com");
        return new World(bot, userId, dm(bot, userId));
    }

    private static String dm(MattermostControlClient.Bot bot, String userId) {
        return rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json().get("id")
                .stringValue();
    }

    private static RestClient.Reply post(World world, String message, String rootId) {
        return rest.post("/api/v4/posts", world.bot().token(),
                Map.of("channel_id", world.channelId(), "message", message, "root_id", rootId));
    }

    private static String id(RestClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").stringValue();
    }

    @Test
    void aReplyNamesItsRootAndTheThreadListsTheAskedForPostFirst() {
        World world = world();
        String root = id(post(world, "root", ""));
        String first = id(post(world, "first reply", root));
        String second = control.postToBot(world.userId(), "second reply", root);

        JsonNode thread = rest.get("/api/v4/posts/" + second + "/thread", world.bot().token()).json();

        assertThat(thread.get("order").values()).extracting(JsonNode::stringValue).containsExactly(second, root, first);
        assertThat(thread.get("posts").get(first).get("root_id").stringValue()).isEqualTo(root);
        assertThat(thread.get("posts").get(root).get("root_id").stringValue()).isEmpty();
        assertThat(thread.get("posts").get(second).get("user_id").stringValue()).isEqualTo(world.userId());
    }

    @Test
    void aRootThatDoesNotExistOrIsDeletedIsRefused() {
        World world = world();
        String deleted = id(post(world, "gone", ""));
        rest.delete("/api/v4/posts/" + deleted, world.bot().token());

        RestClient.Reply unknown = post(world, "reply", Ids.newId());
        RestClient.Reply toDeleted = post(world, "reply", deleted);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("id").stringValue()).isEqualTo("api.post.create_post.root_id.app_error");
        assertThat(toDeleted.status()).isEqualTo(400);
        assertThat(toDeleted.json().get("id").stringValue()).isEqualTo("api.post.create_post.root_id.app_error");
    }

    @Test
    void aRootInAnotherChannelIsRefused() {
        World world = world();
        String elsewhere = dm(world.bot(), control.createUser("threadother", "threadother@example.com"));
        String root = id(rest.post("/api/v4/posts", world.bot().token(), Map.of("channel_id", elsewhere, "message", "x")));

        RestClient.Reply reply = post(world, "reply", root);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("api.post.create_post.channel_root_id.app_error");
    }

    @Test
    void aReplyToAReplyIsRefused() {
        World world = world();
        String root = id(post(world, "root", ""));
        String reply = id(post(world, "reply", root));

        RestClient.Reply nested = post(world, "nested", reply);

        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().get("id").stringValue()).isEqualTo("api.post.create_post.root_id.app_error");
    }

    @Test
    void deletingARootDeletesItsReplies() {
        World world = world();
        String root = id(post(world, "root", ""));
        String reply = id(post(world, "reply", root));

        assertThat(rest.delete("/api/v4/posts/" + root, world.bot().token()).status()).isEqualTo(200);

        assertThat(rest.get("/api/v4/posts/" + reply, world.bot().token()).status()).isEqualTo(404);
        assertThat(rest.get("/api/v4/posts/" + root + "/thread", world.bot().token()).status()).isEqualTo(404);
    }

    @Test
    void aReactionIsSavedListedAndRemovedAsTheServerDoes() {
        World world = world();
        String postId = id(post(world, "react to me", ""));

        RestClient.Reply saved = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "+1"));

        assertThat(saved.status()).isEqualTo(200);
        JsonNode reaction = saved.json();
        assertThat(reaction.get("user_id").stringValue()).isEqualTo(world.bot().userId());
        assertThat(reaction.get("post_id").stringValue()).isEqualTo(postId);
        assertThat(reaction.get("emoji_name").stringValue()).isEqualTo("+1");
        assertThat(reaction.get("channel_id").stringValue()).isEqualTo(world.channelId());
        assertThat(reaction.get("create_at").asLong()).isEqualTo(CLOCK.millis());
        assertThat(reaction.get("delete_at").asLong()).isZero();
        assertThat(reaction.has("remote_id")).isTrue();
        JsonNode listed = rest.get("/api/v4/posts/" + postId + "/reactions", world.bot().token()).json();
        assertThat(listed.values()).singleElement().satisfies(r ->
                assertThat(r.get("emoji_name").stringValue()).isEqualTo("+1"));

        RestClient.Reply removed = rest.delete("/api/v4/users/" + world.bot().userId() + "/posts/" + postId
                + "/reactions/+1", world.bot().token());

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("status").stringValue()).isEqualTo("OK");
        assertThat(rest.get("/api/v4/posts/" + postId + "/reactions", world.bot().token()).json().size()).isZero();
    }

    @Test
    void aReactionForSomeoneElseOrOnAPostOutsideTheCallersChannelsIsForbidden() {
        World world = world();
        World stranger = world();
        String postId = id(post(world, "mine", ""));

        RestClient.Reply forOther = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.userId(), "post_id", postId, "emoji_name", "smile"));
        RestClient.Reply notMember = rest.post("/api/v4/reactions", stranger.bot().token(),
                Map.of("user_id", stranger.bot().userId(), "post_id", postId, "emoji_name", "smile"));
        RestClient.Reply unknownPost = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", Ids.newId(), "emoji_name", "smile"));
        RestClient.Reply listNotMember = rest.get("/api/v4/posts/" + postId + "/reactions", stranger.bot().token());

        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.json().get("id").stringValue()).isEqualTo("api.reaction.save_reaction.user_id.app_error");
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.json().get("id").stringValue()).isEqualTo("api.context.permissions.app_error");
        assertThat(unknownPost.status()).isEqualTo(403);
        assertThat(listNotMember.status()).isEqualTo(403);
    }

    @Test
    void removingSomeoneElsesReactionNeedsRemoveOthersReactions() {
        World world = world();
        String postId = id(post(world, "mine", ""));
        String userToken = control.createToken(world.userId());
        rest.post("/api/v4/reactions", userToken, Map.of("user_id", world.userId(), "post_id", postId, "emoji_name", "eyes"));
        MattermostControlClient.Bot admin = control.createBot("threadadmin", "Admin Bot", "system_admin");

        RestClient.Reply byBot = rest.delete("/api/v4/users/" + world.userId() + "/posts/" + postId + "/reactions/eyes",
                world.bot().token());
        RestClient.Reply byAdmin = rest.delete("/api/v4/users/" + world.userId() + "/posts/" + postId + "/reactions/eyes",
                admin.token());

        assertThat(byBot.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(rest.get("/api/v4/posts/" + postId + "/reactions", userToken).json().size()).isZero();
    }

    @Test
    void malformedReactionsAreRefusedWithTheServersErrors() {
        World world = world();
        String postId = id(post(world, "mine", ""));

        RestClient.Reply badName = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "thumbs up"));
        RestClient.Reply tooLong = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "x".repeat(65)));
        RestClient.Reply badPostId = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", "nope", "emoji_name", "smile"));
        RestClient.Reply badPathName = rest.delete("/api/v4/users/me/posts/" + postId + "/reactions/thumbs%20up",
                world.bot().token());

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("id").stringValue()).isEqualTo("model.reaction.is_valid.emoji_name.app_error");
        assertThat(tooLong.json().get("id").stringValue()).isEqualTo("api.reaction.save_reaction.invalid.app_error");
        assertThat(badPostId.json().get("id").stringValue()).isEqualTo("api.reaction.save_reaction.invalid.app_error");
        assertThat(badPathName.status()).isEqualTo(400);
        assertThat(badPathName.json().get("id").stringValue()).isEqualTo("api.context.invalid_url_param.app_error");
    }

    @Test
    void aPostTakesAtMostFiftyDifferentEmojisButMoreOfTheSameOnes() {
        World world = world();
        String postId = id(post(world, "popular", ""));
        for (int i = 0; i < ReactionRoutes.UNIQUE_EMOJI_LIMIT; i++) {
            assertThat(rest.post("/api/v4/reactions", world.bot().token(),
                    Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "e" + i)).status())
                    .isEqualTo(200);
        }

        RestClient.Reply oneMore = rest.post("/api/v4/reactions", world.bot().token(),
                Map.of("user_id", world.bot().userId(), "post_id", postId, "emoji_name", "another"));
        RestClient.Reply sameAsBefore = rest.post("/api/v4/reactions", control.createToken(world.userId()),
                Map.of("user_id", world.userId(), "post_id", postId, "emoji_name", "e0"));

        assertThat(oneMore.status()).isEqualTo(400);
        assertThat(oneMore.json().get("id").stringValue()).isEqualTo("app.reaction.save.save.too_many_reactions");
        assertThat(sameAsBefore.status()).isEqualTo(200);
    }

    @Test
    void theUsersPostToTheBotIsTheirsInTheirDirectChannelAndShowsInBotPosts() {
        World world = world();

        String postId = control.postToBot(world.userId(), "hello bot");

        JsonNode post = rest.get("/api/v4/posts/" + postId, world.bot().token()).json();
        assertThat(post.get("user_id").stringValue()).isEqualTo(world.userId());
        assertThat(post.get("channel_id").stringValue()).isEqualTo(world.channelId());
        assertThat(control.botPosts(world.userId())).extracting(p -> p.get("id").stringValue()).contains(postId);
    }

    @Test
    void theControlApiRefusesUnknownUsersRootsOutsideTheBotChannelAndAmbiguousBots() {
        World world = world();
        String strangerChannel = dm(world.bot(), control.createUser("threadthird", "threadthird@example.com"));
        String otherRoot = id(rest.post("/api/v4/posts", world.bot().token(),
                Map.of("channel_id", strangerChannel, "message", "not theirs")));
        World second = world();
        // The user now has direct channels with two bots.
        dm(second.bot(), world.userId());

        assertThatThrownBy(() -> control.postToBot(Ids.newId(), "x")).hasMessageContaining("404");
        assertThatThrownBy(() -> control.postToBot(world.userId(), "x", Ids.newId()))
                .hasMessageContaining("400").hasMessageContaining("is not a post");
        assertThatThrownBy(() -> control.postToBot(world.userId(), "x", otherRoot))
                .hasMessageContaining("400").hasMessageContaining("not in the user's direct channel with a bot");
        assertThatThrownBy(() -> control.postToBot(world.userId(), "x"))
                .hasMessageContaining("400").hasMessageContaining("botId");
        String viaBotId = control.postToBot(world.userId(), second.bot().userId(), "to the second bot", null);
        assertThat(rest.get("/api/v4/posts/" + viaBotId, second.bot().token()).json().get("channel_id").stringValue())
                .isNotEqualTo(world.channelId());
    }
}
