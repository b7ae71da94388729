package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @username} in a reply: a Teams mention for connected users, text for everyone else. */
class ReplyMentionsTest {
    private static final ReplyMention ALICE_0 = new ReplyMention(0, "Alice Archer", "oid-alice", "Alice Archer");
    private static final ReplyMention CAROL_0 = new ReplyMention(0, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co");
    private static final String AT_ALICE_0 = "<at id=\"0\">Alice Archer</at>";

    @ParameterizedTest(name = "{0}")
    @MethodSource("mentions")
    void connectedUsersBecomeTeamsMentions(String what, String markdown, String html, List<ReplyMention> mentions) {
        TeamsReply.Ready reply = Replies.ready(markdown);
        assertThat(reply.content()).isEqualTo(html);
        assertThat(reply.mentions()).isEqualTo(mentions);
    }

    static Stream<Arguments> mentions() {
        return Stream.of(
                arguments("mention", "@alice.archer hi", "<p>" + AT_ALICE_0 + " hi</p>", List.of(ALICE_0)),
                arguments("display name escaped in the tag, raw in mentionText", "thanks @carol",
                        "<p>thanks <at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at></p>", List.of(CAROL_0)),
                arguments("ids count from 0 in order of appearance", "@carol and @alice.archer",
                        "<p><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at> and <at id=\"1\">Alice Archer</at></p>",
                        List.of(CAROL_0, new ReplyMention(1, "Alice Archer", "oid-alice", "Alice Archer"))),
                arguments("same person twice, two entries", "@alice.archer @alice.archer",
                        "<p>" + AT_ALICE_0 + " <at id=\"1\">Alice Archer</at></p>",
                        List.of(ALICE_0, new ReplyMention(1, "Alice Archer", "oid-alice", "Alice Archer"))),
                arguments("trailing full stop is punctuation", "ask @alice.archer.", "<p>ask " + AT_ALICE_0 + ".</p>",
                        List.of(ALICE_0)),
                arguments("trailing underscore, dash and dots are punctuation", "@carol_ @alice.archer-... ",
                        "<p><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at>_ <at id=\"1\">Alice Archer</at>-...</p>",
                        List.of(CAROL_0, new ReplyMention(1, "Alice Archer", "oid-alice", "Alice Archer"))),
                arguments("other punctuation ends the name", "@carol, @carol: (@carol)! @carol's",
                        "<p><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at>, <at id=\"1\">Carol &lt;Ops&gt; &amp; Co</at>: "
                                + "(<at id=\"2\">Carol &lt;Ops&gt; &amp; Co</at>)! <at id=\"3\">Carol &lt;Ops&gt; &amp; Co</at>'s</p>",
                        List.of(CAROL_0, new ReplyMention(1, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"),
                                new ReplyMention(2, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"),
                                new ReplyMention(3, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"))),
                arguments("upper case, as Mattermost compares names", "@Alice.Archer", "<p>" + AT_ALICE_0 + "</p>", List.of(ALICE_0)),
                arguments("blank display name shows the username", "@dave", "<p><at id=\"0\">dave</at></p>",
                        List.of(new ReplyMention(0, "dave", "oid-dave", "dave"))),
                arguments("in bold, a list, a quote and a table",
                        "**@carol**\n\n- @carol\n\n> @carol\n\n| @carol |\n| --- |",
                        "<p><strong><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at></strong></p>"
                                + "<ul><li><at id=\"1\">Carol &lt;Ops&gt; &amp; Co</at></li></ul>"
                                + "<blockquote><p><at id=\"2\">Carol &lt;Ops&gt; &amp; Co</at></p></blockquote>"
                                + "<table><thead><tr><th><at id=\"3\">Carol &lt;Ops&gt; &amp; Co</at></th></tr></thead></table>",
                        List.of(CAROL_0, new ReplyMention(1, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"),
                                new ReplyMention(2, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"),
                                new ReplyMention(3, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"))),
                arguments("right after other formatting", "*x*@carol", "<p><em>x</em><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at></p>",
                        List.of(CAROL_0)),
                arguments("next to a bare URL", "@carol https://e.com @carol",
                        "<p><at id=\"0\">Carol &lt;Ops&gt; &amp; Co</at> <a href=\"https://e.com\">https://e.com</a> "
                                + "<at id=\"1\">Carol &lt;Ops&gt; &amp; Co</at></p>",
                        List.of(CAROL_0, new ReplyMention(1, "Carol <Ops> & Co", "oid-carol", "Carol <Ops> & Co"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notMentions")
    void everythingElseStaysText(String what, String markdown, String html) {
        TeamsReply.Ready reply = Replies.ready(markdown);
        assertThat(reply.content()).isEqualTo(html);
        assertThat(reply.mentions()).isEmpty();
    }

    static Stream<Arguments> notMentions() {
        return Stream.of(
                arguments("user not connected", "@bob hi", "<p>@bob hi</p>"),
                arguments("@channel", "@channel look", "<p>@channel look</p>"),
                arguments("@here and @all", "@here @all", "<p>@here @all</p>"),
                arguments("email address", "carol@example.com x@carol", "<p>carol@example.com x@carol</p>"),
                arguments("after an underscore", "a_@carol", "<p>a_@carol</p>"),
                arguments("longer name that is someone else", "@carolyn @carol.x @carol2", "<p>@carolyn @carol.x @carol2</p>"),
                arguments("a prefix of a name", "@caro", "<p>@caro</p>"),
                arguments("lone at sign", "meet @ 5 @", "<p>meet @ 5 @</p>"),
                arguments("name starting with punctuation", "@.carol @_carol", "<p>@.carol @_carol</p>"),
                arguments("inline code", "`@carol`", "<p><code>@carol</code></p>"),
                arguments("code block", "```\n@carol\n```", "<pre><code>@carol</code></pre>"),
                arguments("indented code", "    @carol", "<pre><code>@carol</code></pre>"),
                arguments("link text", "[@carol](https://e.com)", "<p><a href=\"https://e.com\">@carol</a></p>"),
                arguments("unsafe link text", "[@carol](javascript:x)", "<p>@carol</p>"),
                arguments("image alt text", "![@carol](https://e.com/a.png)", "<p><a href=\"https://e.com/a.png\">@carol</a></p>"),
                arguments("inside a URL", "https://e.com/@carol", "<p><a href=\"https://e.com/@carol\">https://e.com/@carol</a></p>"),
                arguments("escaped at sign after a word", "a\\@carol", "<p>a@carol</p>"));
    }

    @Test
    void escapedAtSignStillMentionsAsMattermostReadsTheText() {
        // Mattermost finds mentions in the raw text, where "\@carol" has an @ after a backslash.
        assertThat(Replies.ready("\\@carol").mentions()).containsExactly(CAROL_0);
    }

    @Test
    void nobodyIsMentionedWithAnEmptyDirectory() {
        TeamsReply reply = new ReplyRenderer().render("@carol @alice.archer", MentionDirectory.NONE);
        assertThat(reply).isEqualTo(new TeamsReply.Ready("<p>@carol @alice.archer</p>", List.of()));
    }

    @Test
    void channelWideNamesStayTextWhateverTheDirectorySays() {
        MentionDirectory everyone = username -> Optional.of(new MentionedUser("oid-" + username, username));
        TeamsReply reply = new ReplyRenderer().render("@channel @here @all @Channel. @someone", everyone);
        assertThat(reply).isEqualTo(new TeamsReply.Ready("<p>@channel @here @all @Channel. <at id=\"0\">someone</at></p>",
                List.of(new ReplyMention(0, "someone", "oid-someone", "someone"))));
    }

    @Test
    void directoryKeysMatchInAnyCase() {
        MentionDirectory people = MentionDirectory.of(Map.of("Eve", new MentionedUser("oid-eve", "Eve")));
        TeamsReply reply = new ReplyRenderer().render("@eve", people);
        assertThat(reply).isEqualTo(new TeamsReply.Ready("<p><at id=\"0\">Eve</at></p>",
                List.of(new ReplyMention(0, "Eve", "oid-eve", "Eve"))));
    }

    @Test
    void theDirectoryIsAskedInLowerCaseWithoutTheAtSign() {
        List<String> asked = new ArrayList<>();
        new ReplyRenderer().render("@Carol.", username -> {
            asked.add(username);
            return Optional.empty();
        });
        assertThat(asked).containsExactly("carol.", "carol");
    }

    @Test
    void aLongRunOfNameCharactersIsLookedUpAFewTimesAtMost() {
        List<String> asked = new ArrayList<>();
        new ReplyRenderer().render("@a" + ".".repeat(50_000) + " @" + "b".repeat(50_000), username -> {
            asked.add(username);
            return Optional.empty();
        });
        assertThat(asked).hasSizeLessThanOrEqualTo(64);
    }
}
