package io.teamsbridge.render;

import java.util.List;
import java.util.Map;

/** Messages and contexts for the render tests. */
final class Fixtures {
    static final String CHAT_ID = "19:2da4c29f6d7041eca70b638b43d45437@thread.v2";
    static final String MESSAGE_ID = "1616964509832";

    /** Alice and Carol are connected to Mattermost; Bob is not. */
    static final Map<String, String> USERNAMES = Map.of("u-alice", "alice.archer", "u-carol", "carol");

    static final List<TeamsMention> MENTIONS = List.of(
            new TeamsMention(0, "Alice", "u-alice"),
            new TeamsMention(1, "Archer", "u-alice"),
            new TeamsMention(2, "Bob", "u-bob"),
            new TeamsMention(3, "Builder", "u-bob"),
            new TeamsMention(4, "Workflows", null),
            new TeamsMention(5, "*Team*", "u-team"),
            new TeamsMention(6, "Carol", "u-carol"));

    /** One renderer for all tests: it keeps no state between calls. */
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private Fixtures() {
    }

    static TeamsMessage html(String content, TeamsAttachment... attachments) {
        return new TeamsMessage(MESSAGE_ID, CHAT_ID, "html", content, MENTIONS, List.of(attachments));
    }

    static TeamsMessage text(String content) {
        return new TeamsMessage(MESSAGE_ID, CHAT_ID, "text", content, List.of(), List.of());
    }

    static String render(TeamsMessage message) {
        return RENDERER.render(message, USERNAMES);
    }

    static String render(String html) {
        return render(html(html));
    }

    static NotificationContext context(String sender, ChatKind kind, String topic, int others) {
        return new NotificationContext(sender, kind, topic, others, "https://teams.microsoft.com", USERNAMES);
    }

    static NotificationContext oneOnOne() {
        return context("Alice Archer", ChatKind.ONE_ON_ONE, null, 0);
    }
}
