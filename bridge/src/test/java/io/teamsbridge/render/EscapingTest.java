package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text that looks like Markdown shows as written, in HTML and in text messages. */
class EscapingTest {
    private static final String ZWSP = "\u200B";

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookalikes")
    void htmlTextThatLooksLikeMarkdownStaysLiteral(String what, String text, String markdown) {
        assertThat(Fixtures.render("<p>" + text + "</p>")).isEqualTo(markdown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookalikes")
    void plainTextMessagesAreEscapedTheSameWay(String what, String text, String markdown) {
        String raw = org.jsoup.parser.Parser.unescapeEntities(text, false);
        assertThat(Fixtures.render(Fixtures.text(raw))).isEqualTo(markdown);
    }

    static Stream<Arguments> lookalikes() {
        return Stream.of(
                arguments("bold markers", "**not bold**", "\\*\\*not bold\\*\\*"),
                arguments("underscores", "_x_ and snake_case", "\\_x\\_ and snake\\_case"),
                arguments("heading marker", "# not a heading", "\\# not a heading"),
                arguments("hashtag", "see #general", "see \\#general"),
                arguments("dash list marker", "- not a list", "\\- not a list"),
                arguments("dash mid-line untouched", "a - b", "a - b"),
                arguments("plus list marker", "+ x", "\\+ x"),
                arguments("ordered list marker", "1. not a list", "1\\. not a list"),
                arguments("ordered list paren marker", "2) no", "2\\) no"),
                arguments("number mid-line untouched", "version 1.2", "version 1.2"),
                arguments("setext underline", "===", "\\==="),
                arguments("quote marker", "&gt; not a quote", "\\> not a quote"),
                arguments("link syntax", "[a](https://e.com)", "\\[a\\](<https://e.com>)"),
                arguments("table pipe", "a | b", "a \\| b"),
                arguments("strike markers and channel links", "~~x~~ ~town-square", "\\~\\~x\\~\\~ \\~town-square"),
                arguments("backticks", "`code`", "\\`code\\`"),
                arguments("backslash", "a\\b", "a\\\\b"),
                arguments("html-looking text", "&lt;script&gt;", "\\<script\\>"),
                arguments("channel mention", "@channel", "@" + ZWSP + "channel"),
                arguments("user mention", "ask @bob", "ask @" + ZWSP + "bob"),
                arguments("email address untouched", "bob@example.com", "bob@example.com"),
                arguments("lone at sign untouched", "meet @ 5", "meet @ 5"),
                arguments("entity text", "&amp;amp;", "\\&amp;"),
                arguments("parentheses untouched", "(see below)", "(see below)"),
                arguments("emoji and accents untouched", "Café 😀 — ok", "Café 😀 — ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineStarts")
    void blockMarkersAfterALineBreakAreEscaped(String what, String html, String markdown) {
        assertThat(Fixtures.render(html)).isEqualTo(markdown);
    }

    static Stream<Arguments> lineStarts() {
        return Stream.of(
                arguments("after br", "<p>a<br>- b<br>2) c</p>", "a\n\\- b\n2\\) c"),
                arguments("after a span boundary", "<p><span>- </span>x</p>", "\\- x"),
                arguments("not inside bold", "<p><b>- x</b></p>", "**- x**"),
                arguments("setext under a line", "<p>Title<br>---</p>", "Title\n\\---"),
                arguments("start of a list item", "<ul><li>+ x</li></ul>", "- \\+ x"),
                arguments("start of a quote", "<blockquote>1. x</blockquote>", "> 1\\. x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textMessages")
    void textMessagesKeepTheirLines(String what, String text, String markdown) {
        assertThat(Fixtures.render(Fixtures.text(text))).isEqualTo(markdown);
    }

    static Stream<Arguments> textMessages() {
        return Stream.of(
                arguments("lines kept", "Hello *world*\n- second line", "Hello \\*world\\*\n\\- second line"),
                arguments("blank lines collapsed", "a\n\n\n\nb", "a\n\nb"),
                arguments("bare URL linked", "see https://e.com/a_b?x=1", "see <https://e.com/a_b?x=1>"),
                arguments("tags are text", "<b>x</b>", "\\<b\\>x\\</b\\>"),
                arguments("CRLF", "a\r\nb", "a\nb"));
    }
}
