package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A reply from a careless or hostile author neither injects markup, nor links unsafely, nor crashes. */
class HostileMarkdownTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"injection", "unsafeLinks", "brokenMarkdown", "oddCharacters"})
    void rendersHostileInputAsHarmlessHtml(String what, String markdown, String html) {
        assertThat(Replies.html(markdown)).isEqualTo(html);
        Replies.assertWellFormed(html);
    }

    static Stream<Arguments> injection() {
        return Stream.of(
                arguments("script tag", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
                arguments("event handler", "<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
                arguments("Teams mention forged in HTML", "<at id=\"0\">CEO</at>", "<p>&lt;at id=\"0\"&gt;CEO&lt;/at&gt;</p>"),
                arguments("iframe over lines", "<iframe\nsrc=\"https://evil.example\">", "<p>&lt;iframe<br>src=\"https://evil.example\"&gt;</p>"),
                arguments("closing tags", "</p></blockquote></pre>x", "<p>&lt;/p&gt;&lt;/blockquote&gt;&lt;/pre&gt;x</p>"),
                arguments("attribute break-out from a link", "[x](https://e.com/\"onmouseover=\"alert(1))",
                        "<p><a href=\"https://e.com/&quot;onmouseover=&quot;alert(1)\">x</a></p>"),
                arguments("attribute break-out from an image", "![x](https://e.com/a\"onerror=\"alert(1))",
                        "<p><a href=\"https://e.com/a&quot;onerror=&quot;alert(1)\">x</a></p>"),
                arguments("attribute break-out from an autolink", "<https://e.com/a\"><script>",
                        "<p><a href=\"https://e.com/a&quot;\">https://e.com/a\"</a>&lt;script&gt;</p>"),
                arguments("attribute break-out from a bare URL", "https://e.com/a\"b<c",
                        "<p><a href=\"https://e.com/a\">https://e.com/a</a>\"b&lt;c</p>"),
                arguments("markup in link text", "[<b>x</b>](https://e.com)", "<p><a href=\"https://e.com\">&lt;b&gt;x&lt;/b&gt;</a></p>"),
                arguments("entity-encoded tags stay text", "&#60;script&#62;", "<p>&lt;script&gt;</p>"),
                arguments("CDATA and processing instruction", "<![CDATA[x]]> <?php x ?>", "<p>&lt;![CDATA[x]]&gt; &lt;?php x ?&gt;</p>"));
    }

    static Stream<Arguments> unsafeLinks() {
        return Stream.of(
                arguments("javascript link", "[click](javascript:alert(1))", "<p>click</p>"),
                arguments("javascript in upper case", "[click](JavaScript:alert(1))", "<p>click</p>"),
                arguments("javascript with an entity tab", "[click](java&#9;script:alert(1))", "<p>click</p>"),
                arguments("javascript with spaces before", "[click](<  javascript:alert(1)>)", "<p>click</p>"),
                arguments("javascript autolink", "<javascript:alert(1)>", "<p>javascript:alert(1)</p>"),
                arguments("data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>"),
                arguments("vbscript link", "[x](vbscript:msgbox)", "<p>x</p>"),
                arguments("file link", "[x](file:///etc/passwd)", "<p>x</p>"),
                arguments("protocol-relative link", "[x](//evil.example)", "<p>x</p>"),
                arguments("scheme with nothing after it", "[x](https:)", "<p>x</p>"),
                arguments("javascript image", "![x](javascript:alert(1))", "<p>x</p>"),
                arguments("javascript reference", "[x][a]\n\n[a]: javascript:alert(1)", "<p>x</p>"),
                arguments("bare javascript text", "javascript:alert(1)", "<p>javascript:alert(1)</p>"),
                arguments("empty unsafe link shows its target as text", "[](javascript:alert(1))", "<p>javascript:alert(1)</p>"));
    }

    static Stream<Arguments> brokenMarkdown() {
        return Stream.of(
                arguments("unclosed bold", "**bold", "<p>**bold</p>"),
                arguments("unclosed italic", "_it", "<p>_it</p>"),
                arguments("unbalanced markers", "***a** b* c**", "<p><em><strong>a</strong> b</em> c**</p>"),
                arguments("unclosed code span", "`code", "<p>`code</p>"),
                arguments("unclosed link", "[x](https://e.com", "<p>[x](<a href=\"https://e.com\">https://e.com</a></p>"),
                arguments("unclosed strikethrough", "~~x", "<p>~~x</p>"),
                arguments("brackets without a link", "[x] [y]", "<p>[x] [y]</p>"),
                arguments("table without body pipes", "a | b\n- | -\nc", "<table><thead><tr><th>a</th><th>b</th></tr></thead>"
                        + "<tbody><tr><td>c</td><td></td></tr></tbody></table>"));
    }

    static Stream<Arguments> oddCharacters() {
        return Stream.of(
                arguments("control characters dropped", "a\u0000b\u0001c\u0007d\u001Be\u007Ff\u000Bg", "<p>a\uFFFDbcdefg</p>"),
                arguments("form feed dropped", "a\fb", "<p>ab</p>"),
                arguments("control characters in code dropped, tabs kept", "```\na\u0008\tb\n```", "<pre><code>a\tb</code></pre>"),
                arguments("control characters in a link target dropped", "[x](<https://e.com/\u0001a>)",
                        "<p><a href=\"https://e.com/a\">x</a></p>"),
                arguments("control characters in a bare URL dropped", "https://e.com/\u0001a",
                        "<p><a href=\"https://e.com/a\">https://e.com/a</a></p>"),
                arguments("lone surrogates replaced", "a\uD800b\uDC00c", "<p>a\uFFFDb\uFFFDc</p>"),
                arguments("non-characters dropped", "a\uFFFEb\uFFFFc", "<p>abc</p>"),
                arguments("non-BMP characters kept whole", "𝕏 😀 𠜎 **🎉**", "<p>𝕏 😀 𠜎 <strong>🎉</strong></p>"),
                arguments("emoji sequences kept", "👨‍👩‍👧 👍🏽 #️⃣", "<p>👨‍👩‍👧 👍🏽 #️⃣</p>"),
                arguments("right-to-left text kept", "שלום \u202Eabc", "<p>שלום \u202Eabc</p>"),
                arguments("non-breaking spaces kept", "a\u00A0b", "<p>a\u00A0b</p>"));
    }

    @Test
    void deeplyNestedQuotesKeepTheirTextWithinTheNestingLimit() {
        String html = Replies.html(">".repeat(5_000) + " deep");
        assertThat(html).contains("deep").startsWith("<blockquote>".repeat(ReplyRenderer.MAX_NESTED_BLOCKS - 1));
        assertThat(count(html, "<blockquote>")).isLessThanOrEqualTo(ReplyRenderer.MAX_NESTED_BLOCKS);
        assertWellFormed(html);
    }

    @Test
    void deeplyNestedListsKeepTheirTextWithinTheNestingLimit() {
        StringBuilder markdown = new StringBuilder();
        for (int level = 0; level < 300; level++) {
            markdown.append("  ".repeat(level)).append("- item").append(level).append('\n');
        }
        String html = Replies.html(markdown.toString());
        assertThat(html).contains("item0", "item299");
        assertThat(count(html, "<ul>")).isLessThanOrEqualTo(ReplyRenderer.MAX_NESTED_BLOCKS / 2);
        assertWellFormed(html);
    }

    @Test
    void listsWithinTheNestingLimitKeepTheirStructure() {
        StringBuilder markdown = new StringBuilder();
        for (int level = 0; level < 8; level++) {
            markdown.append("  ".repeat(level)).append("- item").append(level).append('\n');
        }
        String html = Replies.html(markdown.toString());
        assertThat(html).startsWith("<ul><li>item0<ul><li>item1").contains("<ul><li>item7</li></ul>");
        assertThat(count(html, "<ul>")).isEqualTo(8);
    }

    @Test
    void deeplyNestedEmphasisAndImagesStayWithinTheNestingLimit() {
        for (String markdown : new String[] {"*".repeat(5_000) + "x" + "*".repeat(5_000),
                "![".repeat(5_000) + "x" + "](https://e.com)".repeat(5_000), "[".repeat(20_000) + "x",
                "> - ".repeat(5_000) + "x"}) {
            TeamsReply reply = new ReplyRenderer(Integer.MAX_VALUE).render(markdown, Replies.PEOPLE);
            String html = ((TeamsReply.Ready) reply).content();
            assertThat(html).contains("x");
            assertThat(count(html, "<strong>")).isLessThanOrEqualTo(ReplyRenderer.MAX_NESTED_INLINES);
            assertWellFormed(html);
        }
    }

    @Test
    void hundredKilobyteInputIsReportedTooLongQuickly() {
        String markdown = "word **bold** _it_ `code` [link](https://e.com) @carol https://e.com/x\n".repeat(1_500);
        assertThat(markdown.length()).isGreaterThan(100_000);
        long start = System.nanoTime();
        TeamsReply reply = Replies.render(markdown);
        assertThat(reply).isInstanceOf(TeamsReply.TooLong.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void pathologicalInputsRenderInLinearTime() {
        // Patterns that make naive Markdown parsers quadratic, each about 100 KB.
        for (String markdown : new String[] {"*a _b ".repeat(16_000), "[a](".repeat(25_000), "x" + "`".repeat(100_000),
                "a **b".repeat(20_000), "<a ".repeat(33_000), "@a. ".repeat(25_000), "| a ".repeat(25_000) + "\n| - |"}) {
            long start = System.nanoTime();
            TeamsReply reply = new ReplyRenderer(Integer.MAX_VALUE).render(markdown, Replies.PEOPLE);
            assertThat(reply).isInstanceOf(TeamsReply.Ready.class);
            assertThat((System.nanoTime() - start) / 1_000_000).as(markdown.substring(0, 8)).isLessThan(5_000);
        }
    }

    @Test
    void outputIsWellFormedHtmlThatKeepsEveryWord() {
        String markdown = """
                # Plan <b>
                Hi @carol, see [the doc](https://e.com/?a=1&b=2) and ![chart](https://e.com/c.png).

                > quoted **bold _both_**
                > - item `x<y`
                >   1. sub ~~old~~

                | a | b |
                | - | - |
                | <td> | `a\\|b` |

                ```sh
                echo "</code></pre><script>"
                ```
                ***
                """;
        String html = Replies.html(markdown);
        assertWellFormed(html);
        String text = Jsoup.parseBodyFragment(html).text();
        assertThat(text).contains("Plan <b>", "Carol <Ops> & Co", "the doc", "chart", "quoted bold both", "item x<y",
                "sub old", "<td>", "a|b", "echo \"</code></pre><script>\"");
        assertThat(Jsoup.parseBodyFragment(html).select("script, b, td td")).isEmpty();
    }

    private static void assertWellFormed(String html) {
        Replies.assertWellFormed(html);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
