package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies Teams would refuse are reported as values: too long (with the size), or blank. */
class ReplySizeTest {

    @Test
    void aReplyAtTheLimitIsReady() {
        // "<p>" + text + "</p>" is 7 bytes of markup.
        String text = "x".repeat(ReplyRenderer.TEAMS_LIMIT_BYTES - 7);
        TeamsReply reply = Replies.render(text);
        assertThat(reply).isEqualTo(new TeamsReply.Ready("<p>" + text + "</p>", List.of()));
    }

    @Test
    void oneByteOverTheLimitIsTooLongAndNothingIsCut() {
        TeamsReply reply = Replies.render("x".repeat(ReplyRenderer.TEAMS_LIMIT_BYTES - 6));
        assertThat(reply).isEqualTo(new TeamsReply.TooLong(ReplyRenderer.TEAMS_LIMIT_BYTES + 1, ReplyRenderer.TEAMS_LIMIT_BYTES));
    }

    @Test
    void theLimitIsMeasuredOnTheHtmlInUtf8Bytes() {
        // 4 characters of Markdown; "<p>&lt;😀</p>" is 3 + 4 + 4 + 4 = 15 bytes.
        assertThat(new ReplyRenderer(15).render("<😀", MentionDirectory.NONE)).isInstanceOf(TeamsReply.Ready.class);
        assertThat(new ReplyRenderer(14).render("<😀", MentionDirectory.NONE)).isEqualTo(new TeamsReply.TooLong(15, 14));
    }

    @Test
    void mentionsCountTowardsTheLimit() {
        String markdown = "@alice.archer";
        String html = Replies.html(markdown);
        int htmlBytes = html.getBytes(StandardCharsets.UTF_8).length;
        // id "0", mentionText and displayName "Alice Archer" (12 bytes each), id "oid-alice" (9 bytes).
        int measured = htmlBytes + ReplyRenderer.MENTION_JSON_BYTES + 1 + 12 + 12 + 9;
        assertThat(new ReplyRenderer(measured).render(markdown, Replies.PEOPLE)).isInstanceOf(TeamsReply.Ready.class);
        assertThat(new ReplyRenderer(measured - 1).render(markdown, Replies.PEOPLE))
                .isEqualTo(new TeamsReply.TooLong(measured, measured - 1));
    }

    @Test
    void escapingGrowthCountsTowardsTheLimit() {
        // 10 characters of Markdown become 57 bytes of HTML: <p>, ten &amp; and </p>.
        assertThat(new ReplyRenderer(40).render("&&&&&&&&&&", MentionDirectory.NONE)).isEqualTo(new TeamsReply.TooLong(57, 40));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\n\n\t\n", "```\n```", "[ref]: https://e.com", "\u0001\u0002", "* \n> \n#"})
    void repliesWithNothingToShowAreBlank(String markdown) {
        assertThat(Replies.render(markdown)).isEqualTo(new TeamsReply.Blank());
    }

    @Test
    void aRuleAloneIsNotBlank() {
        assertThat(Replies.render("---")).isEqualTo(new TeamsReply.Ready("<hr>", List.of()));
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new ReplyRenderer(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limitBytes");
    }
}
