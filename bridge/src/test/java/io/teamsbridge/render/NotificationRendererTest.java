package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The notification around the message: header, link back to Teams, edits and deletions. */
class NotificationRendererTest {
    static final String LINK = "[Open in Microsoft Teams](https://teams.microsoft.com/l/message/"
            + "19%3A2da4c29f6d7041eca70b638b43d45437%40thread.v2/1616964509832?context=%7B%22contextType%22%3A%22chat%22%7D)";

    private final NotificationRenderer renderer = new NotificationRenderer(NotificationRenderer.DEFAULT_MAX_POST_RUNES);

    @Test
    void oneOnOneMessageIsOnePostWithHeaderBodyAndLink() {
        assertThat(renderer.render(Fixtures.html("<p>Hi <b>there</b></p>"), Fixtures.oneOnOne())).containsExactly(
                "**Alice Archer** sent you a message in Microsoft Teams\n\nHi **there**\n\n" + LINK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void headerNamesSenderAndChat(String what, NotificationContext context, String header) {
        List<String> posts = renderer.render(Fixtures.html("<p>x</p>"), context);
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst()).startsWith(header + "\n\nx\n\n[Open in Microsoft Teams](");
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                arguments("1:1", Fixtures.context("Alice Archer", ChatKind.ONE_ON_ONE, null, 0),
                        "**Alice Archer** sent you a message in Microsoft Teams"),
                arguments("1:1 ignores a topic", Fixtures.context("Alice Archer", ChatKind.ONE_ON_ONE, "Topic", 0),
                        "**Alice Archer** sent you a message in Microsoft Teams"),
                arguments("group with topic", Fixtures.context("Alice Archer", ChatKind.GROUP, "Project X", 3),
                        "**Alice Archer** wrote in the group chat **Project X** (with 3 others)"),
                arguments("group without topic, one other", Fixtures.context("Alice Archer", ChatKind.GROUP, null, 1),
                        "**Alice Archer** wrote in a group chat (with 1 other)"),
                arguments("group with blank topic, nobody else", Fixtures.context("Alice Archer", ChatKind.GROUP, "  ", 0),
                        "**Alice Archer** wrote in a group chat"),
                arguments("meeting", Fixtures.context("Alice Archer", ChatKind.MEETING, "Weekly sync", 5),
                        "**Alice Archer** wrote in the meeting chat **Weekly sync** (with 5 others)"),
                arguments("meeting without topic", Fixtures.context("Alice Archer", ChatKind.MEETING, null, 2),
                        "**Alice Archer** wrote in a meeting chat (with 2 others)"),
                arguments("names escaped", Fixtures.context("*Eve* @all", ChatKind.GROUP, "[x](https://evil)", 0),
                        "**\\*Eve\\* @\u200Ball** wrote in the group chat **\\[x\\](https://evil)**"),
                arguments("no sender name", Fixtures.context(null, ChatKind.ONE_ON_ONE, null, 0),
                        "**Someone** sent you a message in Microsoft Teams"),
                arguments("long topic shortened", Fixtures.context("A", ChatKind.GROUP, "t".repeat(300), 0),
                        "**A** wrote in the group chat **" + "t".repeat(99) + "…**"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepLinks")
    void deepLinkToTheMessageForTheCloud(String what, String webBase, String chatId, String link) {
        assertThat(DeepLinks.chatMessage(webBase, chatId, "1616964509832")).isEqualTo(link);
    }

    @Test
    void theDeepLinkNamesTheOrganisationLikeTeamsOwnLinks() {
        assertThat(DeepLinks.chatMessage("https://teams.microsoft.com", "72f988bf-86f1-41af-91ab-2d7cd011db47", "19:abc@thread.v2",
                "1616964509832")).isEqualTo("https://teams.microsoft.com/l/message/19%3Aabc%40thread.v2/1616964509832"
                        + "?tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47&context=%7B%22contextType%22%3A%22chat%22%7D");
        assertThat(DeepLinks.chatMessage("https://teams.microsoft.com", " ", "19:abc@thread.v2", "1"))
                .isEqualTo("https://teams.microsoft.com/l/message/19%3Aabc%40thread.v2/1?context=%7B%22contextType%22%3A%22chat%22%7D");
    }

    static Stream<Arguments> deepLinks() {
        String context = "?context=%7B%22contextType%22%3A%22chat%22%7D";
        return Stream.of(
                arguments("global", "https://teams.microsoft.com", "19:abc@thread.v2",
                        "https://teams.microsoft.com/l/message/19%3Aabc%40thread.v2/1616964509832" + context),
                arguments("GCC High", "https://gov.teams.microsoft.us", "19:abc@thread.v2",
                        "https://gov.teams.microsoft.us/l/message/19%3Aabc%40thread.v2/1616964509832" + context),
                arguments("DoD with trailing slash", "https://dod.teams.microsoft.us/", "19:abc@thread.v2",
                        "https://dod.teams.microsoft.us/l/message/19%3Aabc%40thread.v2/1616964509832" + context),
                arguments("1:1 chat id", "https://teams.microsoft.com", "19:u-1_u-2@unq.gbl.spaces",
                        "https://teams.microsoft.com/l/message/19%3Au-1_u-2%40unq.gbl.spaces/1616964509832" + context),
                arguments("meeting chat id", "https://teams.microsoft.com", "19:meeting_NDQ4MGRhYjgtMjc2@thread.v2",
                        "https://teams.microsoft.com/l/message/19%3Ameeting_NDQ4MGRhYjgtMjc2%40thread.v2/1616964509832" + context),
                arguments("no base configured", null, "19:abc@thread.v2",
                        "https://teams.microsoft.com/l/message/19%3Aabc%40thread.v2/1616964509832" + context),
                arguments("characters that would break Markdown", "https://teams.microsoft.com", "19:a)b (c]@x",
                        "https://teams.microsoft.com/l/message/19%3Aa%29b%20%28c%5D%40x/1616964509832" + context));
    }

    @Test
    void linkUsesTheConfiguredCloud() {
        NotificationContext gov = new NotificationContext("Alice Archer", ChatKind.ONE_ON_ONE, null, 0,
                "https://gov.teams.microsoft.us", Fixtures.USERNAMES);
        assertThat(renderer.render(Fixtures.html("<p>x</p>"), gov).getFirst())
                .endsWith("[Open in Microsoft Teams](https://gov.teams.microsoft.us/l/message/"
                        + "19%3A2da4c29f6d7041eca70b638b43d45437%40thread.v2/1616964509832?context=%7B%22contextType%22%3A%22chat%22%7D)");
    }

    @Test
    void mentionsUseTheContextResolver() {
        assertThat(renderer.render(Fixtures.html("<p><at id=\"6\">Carol</at> look</p>"), Fixtures.oneOnOne()).getFirst())
                .contains("\n\n@carol look\n\n");
    }

    @Test
    void emptyBodyLeavesHeaderAndLink() {
        assertThat(renderer.render(Fixtures.html("<p>&nbsp;</p>"), Fixtures.oneOnOne()))
                .containsExactly("**Alice Archer** sent you a message in Microsoft Teams\n\n" + LINK);
    }

    @Test
    void editedMessageHasTheSameHeaderMarkedEdited() {
        assertThat(renderer.renderEdited(Fixtures.html("<p>Fixed typo</p>"),
                Fixtures.context("Alice Archer", ChatKind.GROUP, "Project X", 3))).isEqualTo(
                "**Alice Archer** wrote in the group chat **Project X** (with 3 others) *(edited)*\n\nFixed typo\n\n" + LINK);
    }

    @Test
    void longEditedMessageIsShortenedWithANote() {
        NotificationRenderer small = new NotificationRenderer(1000);
        String html = "<p>" + "Paragraph of text that goes on. ".repeat(5) + "</p>";
        String post = small.renderEdited(Fixtures.html(html.repeat(30)), Fixtures.oneOnOne());
        assertThat(post.codePointCount(0, post.length())).isLessThanOrEqualTo(1000);
        assertThat(post).startsWith("**Alice Archer** sent you a message in Microsoft Teams *(edited)*\n\nParagraph of text")
                .endsWith("\n\n*(shortened: the whole message is in Microsoft Teams)*\n\n" + LINK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletions")
    void deletedMessageNamesSenderAndChat(String what, NotificationContext context, String text) {
        assertThat(renderer.renderDeleted(context)).isEqualTo(text);
    }

    static Stream<Arguments> deletions() {
        return Stream.of(
                arguments("1:1", Fixtures.oneOnOne(), "This message from **Alice Archer** was deleted in Microsoft Teams."),
                arguments("group", Fixtures.context("Alice Archer", ChatKind.GROUP, "Project X", 3),
                        "This message from **Alice Archer** in the group chat **Project X** was deleted in Microsoft Teams."),
                arguments("meeting without topic", Fixtures.context("Alice Archer", ChatKind.MEETING, null, 3),
                        "This message from **Alice Archer** in a meeting chat was deleted in Microsoft Teams."));
    }

    @Test
    void rejectsAPostSizeMattermostCouldNotHaveConfigured() {
        assertThatThrownBy(() -> new NotificationRenderer(999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16383");
    }
}
