package io.teamsbridge.sandbox;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Mattermost half of the sandbox page: people, slash commands run as one of them (the reply
 * only they would see), and their direct channel with the bot, with Markdown rendered here.
 */
@RestController
@RequestMapping("/sandbox/api/mattermost")
class MattermostSideApi {
    record Command(String userId, String command) {}

    /**
     * What the person sees after a command or a button: the reply's Markdown and its rendering, and
     * the buttons of the last private post that has any (the post they belong to in {@code postId}).
     */
    record Reply(int status, String text, String html, String postId, List<Button> buttons) {}

    /**
     * A post in the person's direct channel with the bot: the bot's ({@code fromBot}), or the
     * person's own (a reply in a chat's thread, with the reactions the bot gave it).
     */
    record BotPost(String id, String rootId, boolean fromBot, String markdown, String html, long createAt, long updateAt,
            boolean deleted, List<Button> buttons, List<File> files, List<String> reactions) {}

    /** The person replies in a thread of their direct channel with the bot. */
    record NewReply(String userId, String rootId, String message) {}

    record Posted(String id) {}

    /** A file attached to a post. */
    record File(String id, String name, String mimeType) {}

    /** A message button (attachment action) the person can press. */
    record Button(String id, String name) {}

    record Press(String userId) {}

    private final SandboxBackends backends;
    private final MarkdownView markdown = new MarkdownView();

    MattermostSideApi(SandboxBackends backends) {
        this.backends = backends;
    }

    @GetMapping("/users")
    List<SandboxBackends.MattermostUser> users() {
        return backends.mattermostUsers();
    }

    /** Runs the command in the demo team's town square, as the user typing it there would. */
    @PostMapping("/commands")
    Reply execute(@RequestBody Command command) {
        if (command.userId() == null || command.userId().isBlank()) {
            throw new IllegalArgumentException("pick a Mattermost user first");
        }
        String text = command.command() == null ? "" : command.command().strip();
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a slash command starts with /, for example /msteams help");
        }
        String team = backends.world().teamId();
        if (team == null) {
            throw new IllegalArgumentException("the sandbox was started with --no-seed, so there is no team to run commands in");
        }
        int seenBefore = backends.mattermost().ephemeralPosts(command.userId()).size();
        MattermostControlClient.CommandResult result = backends.mattermost().executeCommand(command.userId(), team, text);
        return privately(command.userId(), seenBefore, result.status(), result.response());
    }

    /** What only this person was shown since {@code seenBefore}: the answer, and what the bot told them privately meanwhile. */
    private Reply privately(String userId, int seenBefore, int status, JsonNode response) {
        List<JsonNode> ephemeral = backends.mattermost().ephemeralPosts(userId);
        List<String> seen = new ArrayList<>();
        String postId = null;
        List<Button> buttons = List.of();
        for (JsonNode p : ephemeral.subList(Math.min(seenBefore, ephemeral.size()), ephemeral.size())) {
            seen.add(p.path("message").asString(""));
            List<Button> found = buttons(p);
            if (!found.isEmpty()) {
                postId = p.path("id").asString();
                buttons = found;
            }
        }
        String reply = String.join("\n\n", seen.stream().filter(m -> !m.isBlank()).toList());
        if (reply.isEmpty()) {
            reply = response.path("message").asString(""); // Mattermost's error shape
        }
        return new Reply(status, reply, markdown.html(reply), postId, buttons);
    }

    private static List<Button> buttons(JsonNode post) {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode attachment : post.path("props").path("attachments")) {
            for (JsonNode action : attachment.path("actions")) {
                buttons.add(new Button(action.path("id").asString(""), action.path("name").asString("")));
            }
        }
        return buttons;
    }

    /**
     * The person replies in a Teams chat's thread, as the Mattermost web app would post it; the
     * bridge hears it on its WebSocket and sends it into the chat.
     */
    @PostMapping("/replies")
    Posted reply(@RequestBody NewReply reply) {
        if (reply.userId() == null || reply.userId().isBlank()) {
            throw new IllegalArgumentException("pick a Mattermost user first");
        }
        if (reply.rootId() == null || reply.rootId().isBlank()) {
            throw new IllegalArgumentException("rootId is required: reply in a chat's thread");
        }
        String message = reply.message() == null ? "" : reply.message().strip();
        if (message.isEmpty()) {
            throw new IllegalArgumentException("write a reply first");
        }
        if (message.length() > MAX_REPLY) {
            throw new IllegalArgumentException("a Mattermost post holds at most " + MAX_REPLY + " characters");
        }
        return new Posted(backends.mattermost().postToBot(reply.userId(), message, reply.rootId()));
    }

    /** Mattermost's limit on a post's message, in characters. */
    private static final int MAX_REPLY = 16_383;

    /** The user's direct channel with the bot, oldest first. */
    @GetMapping("/posts")
    List<BotPost> posts(@RequestParam String userId) {
        List<BotPost> posts = new ArrayList<>();
        for (JsonNode p : backends.mattermost().botPosts(userId)) {
            String message = p.path("message").asString("");
            List<Button> buttons = buttons(p);
            List<File> files = new ArrayList<>();
            p.path("files").forEach(f -> files.add(new File(f.path("id").asString(), f.path("name").asString(""),
                    f.path("mime_type").asString(""))));
            boolean fromBot = p.path("props").path("from_bot").asString("").equals("true");
            String id = p.path("id").asString();
            posts.add(new BotPost(id, p.path("root_id").asString(""), fromBot, message, markdown.html(message),
                    p.path("create_at").asLong(0), p.path("update_at").asLong(0), p.path("delete_at").asLong(0) > 0,
                    buttons, files, fromBot ? List.of() : backends.reactions(id)));
        }
        return posts;
    }

    /** A file attached to one of the bot's posts, as Mattermost serves it (inline, with its type). */
    @GetMapping("/files/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> file(@org.springframework.web.bind.annotation.PathVariable String fileId) {
        MattermostControlClient.FileBytes file = backends.mattermost().file(fileId);
        String type = file.contentType().startsWith("image/") && !file.contentType().contains("svg") ? file.contentType()
                : "application/octet-stream";
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Type", type)
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    /**
     * The person presses a button on one of the bot's posts or private replies, as in Mattermost;
     * the answer is what they were shown privately because of it.
     */
    @PostMapping("/posts/{postId}/actions/{actionId}")
    Reply press(@org.springframework.web.bind.annotation.PathVariable String postId,
            @org.springframework.web.bind.annotation.PathVariable String actionId, @RequestBody Press press) {
        if (press.userId() == null || press.userId().isBlank()) {
            throw new IllegalArgumentException("pick a Mattermost user first");
        }
        int seenBefore = backends.mattermost().ephemeralPosts(press.userId()).size();
        var result = backends.mattermost().clickButton(postId, actionId, press.userId());
        return privately(press.userId(), seenBefore, result.status(), result.response());
    }
}
