package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTML from a hostile or broken sender neither runs, nor links, nor crashes the renderer. */
class HostileHtmlTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void dropsActiveContentAndUnsafeLinks(String what, String html, String markdown) {
        assertThat(Fixtures.render(html)).isEqualTo(markdown);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                arguments("script with its content", "<p>a</p><script>alert('x')</script><p>b</p>", "a\n\nb"),
                arguments("inline script", "<p>a<script>document.cookie</script>b</p>", "ab"),
                arguments("style with its content", "<style>p { color: red }</style><p>x</p>", "x"),
                arguments("iframe with its content", "<iframe src=\"https://evil.example\">inner</iframe>x", "x"),
                arguments("object, embed, svg", "<object data=\"x\">o</object><embed src=\"y\"><svg><text>s</text></svg>ok", "ok"),
                arguments("form controls", "<p>a<button>Click</button><input value=\"v\"><textarea>t</textarea>b</p>", "ab"),
                arguments("event handlers ignored", "<p onclick=\"alert(1)\" style=\"color:red\">text</p>", "text"),
                arguments("styled spans ignored", "<span style=\"color:red;font-size:40px\">red</span>", "red"),
                arguments("unknown tags keep their text", "<custom-tag>text</custom-tag>", "text"),
                arguments("javascript link", "<a href=\"JavaScript:alert(1)\">x</a>", "x"),
                arguments("vbscript link", "<a href=\"vbscript:msgbox\">x</a>", "x"),
                arguments("link breaking out of its destination", "<a href=\"https://e.com/a) [evil](https://evil\">x</a>",
                        "[x](https://e.com/a%29%20[evil]%28https://evil)"),
                arguments("script in code block", "<pre>a<script>b</script>c</pre>", "```\nac\n```"),
                arguments("unclosed tags", "<p><b>bold <i>both", "**bold *both***"),
                arguments("stray closing tags", "</div></p>text</b>", "text"),
                arguments("comments dropped", "<p>a<!-- secret -->b</p>", "ab"),
                arguments("full document", "<html><head><title>t</title><style>x</style></head><body><p>hi</p></body></html>", "hi"));
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        for (String tag : new String[] {"div", "b", "span", "blockquote", "ul><li", "ul><p", "table><tr><td", "a href=\"https://e.com\""}) {
            String open = "<" + tag + ">";
            String html = open.repeat(1000) + "deep" + "</x>".repeat(10);
            assertThat(Fixtures.render(html)).as(tag).contains("deep");
        }
    }

    @Test
    void deepNestingKeepsAllText() {
        String html = "<div>".repeat(1000) + "a *b*" + "</div>".repeat(1000) + "<p>after</p>";
        assertThat(Fixtures.render(html)).isEqualTo("a \\*b\\*\n\nafter");
    }

    @Test
    void hiddenContentStaysHiddenPastTheDepthBound() {
        String html = "<div><span>".repeat(100) + "a<script>secret()</script><iframe>frame</iframe><style>s</style>b";
        assertThat(Fixtures.render(html)).isEqualTo("ab");
    }

    @Test
    void deeplyNestedCardJsonIsIgnoredNotFatal() {
        String card = "{\"type\":\"AdaptiveCard\",\"body\":" + "[{\"type\":\"Container\",\"items\":".repeat(3000) + "[]" + "}]".repeat(3000) + "}";
        TeamsAttachment attachment = new TeamsAttachment("c", "application/vnd.microsoft.card.adaptive", null, card, null);
        assertThat(Fixtures.render(Fixtures.html("<p>x</p>", attachment))).isEqualTo("x");
    }

    @Test
    void largeMessageRendersInLinearTime() {
        // Twice Teams' largest message, mostly in one paragraph: quadratic work would show.
        String html = "<p>" + "word <b>bold</b><b>more</b> <a href=\"https://e.com\">link</a> ".repeat(1_000) + "</p>";
        long start = System.nanoTime();
        String markdown = Fixtures.render(html);
        assertThat(markdown).startsWith("word **boldmore** [link](https://e.com) word");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }
}
