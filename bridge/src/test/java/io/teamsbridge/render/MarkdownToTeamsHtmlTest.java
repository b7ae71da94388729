package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Mattermost Markdown construct and the Teams chat HTML it becomes. */
class MarkdownToTeamsHtmlTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"paragraphs", "emphasis", "code", "lists", "links", "images", "quotes", "headings", "rules",
            "tables", "rawHtml", "plainText"})
    void rendersMarkdownAsTeamsHtml(String construct, String markdown, String html) {
        assertThat(Replies.html(markdown)).isEqualTo(html);
        Replies.assertWellFormed(html);
    }

    static Stream<Arguments> paragraphs() {
        return Stream.of(
                arguments("paragraph", "Hello world", "<p>Hello world</p>"),
                arguments("two paragraphs", "One\n\nTwo", "<p>One</p><p>Two</p>"),
                arguments("single newline is a line break, as Mattermost shows it", "One\nTwo", "<p>One<br>Two</p>"),
                arguments("hard break with backslash", "One\\\nTwo", "<p>One<br>Two</p>"),
                arguments("hard break with two spaces", "One  \nTwo", "<p>One<br>Two</p>"),
                arguments("many blank lines are one gap", "One\n\n\n\nTwo", "<p>One</p><p>Two</p>"),
                arguments("spaces at the ends go", "  Hello  \n", "<p>Hello</p>"),
                arguments("CRLF line endings", "One\r\nTwo\r\n\r\nThree", "<p>One<br>Two</p><p>Three</p>"));
    }

    static Stream<Arguments> emphasis() {
        return Stream.of(
                arguments("bold with asterisks", "a **bold** b", "<p>a <strong>bold</strong> b</p>"),
                arguments("bold with underscores", "__bold__", "<p><strong>bold</strong></p>"),
                arguments("italic with asterisks", "*it*", "<p><em>it</em></p>"),
                arguments("italic with underscores", "_it_", "<p><em>it</em></p>"),
                arguments("bold italic", "***both***", "<p><em><strong>both</strong></em></p>"),
                arguments("strikethrough", "~~gone~~", "<p><s>gone</s></p>"),
                arguments("one tilde is no strikethrough (Mattermost's ~channel links)", "~town-square ~x~",
                        "<p>~town-square ~x~</p>"),
                arguments("underscores inside words stay", "snake_case_name", "<p>snake_case_name</p>"),
                arguments("nested", "**bold _and italic_**", "<p><strong>bold <em>and italic</em></strong></p>"),
                arguments("escaped markers are text", "\\*not italic\\*", "<p>*not italic*</p>"));
    }

    static Stream<Arguments> code() {
        return Stream.of(
                arguments("inline code", "run `make all` now", "<p>run <code>make all</code> now</p>"),
                arguments("inline code is not Markdown", "`**x** <b> & @carol`",
                        "<p><code>**x** &lt;b&gt; &amp; @carol</code></p>"),
                arguments("inline code with backticks inside", "``a`b``", "<p><code>a`b</code></p>"),
                arguments("fenced block", "```\nline 1\n  line 2\n```", "<pre><code>line 1\n  line 2</code></pre>"),
                arguments("fenced block with language", "```java\nint a = 1;\n```",
                        "<pre><code class=\"language-java\">int a = 1;</code></pre>"),
                arguments("language in upper case, with more info", "```Python title=x\nprint(1)\n```",
                        "<pre><code class=\"language-python\">print(1)</code></pre>"),
                arguments("a language with odd characters is dropped", "```c\"><script>\nx\n```",
                        "<pre><code>x</code></pre>"),
                arguments("tilde fence", "~~~\ncode\n~~~", "<pre><code>code</code></pre>"),
                arguments("indented block", "    indented\n    code", "<pre><code>indented\ncode</code></pre>"),
                arguments("blank lines inside a block kept", "```\na\n\nb\n```", "<pre><code>a\n\nb</code></pre>"),
                arguments("unclosed fence runs to the end, text kept", "```\na\nb", "<pre><code>a\nb</code></pre>"),
                arguments("nothing inside a block is Markdown", "```\n# h *x* [a](https://e.com) @carol <b>\n```",
                        "<pre><code># h *x* [a](https://e.com) @carol &lt;b&gt;</code></pre>"),
                arguments("text after a block", "```\nx\n```\nafter", "<pre><code>x</code></pre><p>after</p>"));
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                arguments("bulleted", "- a\n- b", "<ul><li>a</li><li>b</li></ul>"),
                arguments("bulleted with asterisks and pluses", "* a\n\n+ b", "<ul><li>a</li></ul><ul><li>b</li></ul>"),
                arguments("numbered", "1. a\n2. b", "<ol><li>a</li><li>b</li></ol>"),
                arguments("numbered from 3", "3. a\n4. b", "<ol start=\"3\"><li>a</li><li>b</li></ol>"),
                arguments("numbered with parentheses", "1) a", "<ol><li>a</li></ol>"),
                arguments("nested three levels", "- a\n  - b\n    - c\n- d",
                        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"),
                arguments("numbered inside bulleted", "- a\n  1. x\n  2. y",
                        "<ul><li>a<ol><li>x</li><li>y</li></ol></li></ul>"),
                arguments("loose list keeps paragraphs", "- a\n\n- b", "<ul><li><p>a</p></li><li><p>b</p></li></ul>"),
                arguments("formatting in items", "- **a** `b`", "<ul><li><strong>a</strong> <code>b</code></li></ul>"),
                arguments("line break in an item", "- a\n  b", "<ul><li>a<br>b</li></ul>"),
                arguments("code block in an item", "- run\n  ```\n  make\n  ```",
                        "<ul><li>run<pre><code>make</code></pre></li></ul>"),
                arguments("empty item", "- a\n-\n- b", "<ul><li>a</li><li></li><li>b</li></ul>"),
                arguments("paragraph then list", "Intro\n\n- a", "<p>Intro</p><ul><li>a</li></ul>"));
    }

    static Stream<Arguments> links() {
        return Stream.of(
                arguments("link", "[Example](https://example.com/x)", "<p><a href=\"https://example.com/x\">Example</a></p>"),
                arguments("http", "[x](http://e.com)", "<p><a href=\"http://e.com\">x</a></p>"),
                arguments("mailto", "[mail](mailto:a@b.com)", "<p><a href=\"mailto:a@b.com\">mail</a></p>"),
                arguments("title dropped", "[x](https://e.com \"T\")", "<p><a href=\"https://e.com\">x</a></p>"),
                arguments("formatted link text", "[**x** `y`](https://e.com)",
                        "<p><a href=\"https://e.com\"><strong>x</strong> <code>y</code></a></p>"),
                arguments("empty link text shows the address", "[](https://e.com)", "<p><a href=\"https://e.com\">https://e.com</a></p>"),
                arguments("ampersand and quote in the address escaped", "[x](https://e.com/?a=1&b=\"2\")",
                        "<p><a href=\"https://e.com/?a=1&amp;b=&quot;2&quot;\">x</a></p>"),
                arguments("space in an angle-bracket address encoded", "[x](<https://e.com/a b>)",
                        "<p><a href=\"https://e.com/a%20b\">x</a></p>"),
                arguments("parentheses in the address", "[Foo](https://en.wikipedia.org/wiki/Foo_(bar))",
                        "<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">Foo</a></p>"),
                arguments("reference link", "[x][1]\n\n[1]: https://e.com", "<p><a href=\"https://e.com\">x</a></p>"),
                arguments("angle autolink", "<https://e.com/a>", "<p><a href=\"https://e.com/a\">https://e.com/a</a></p>"),
                arguments("email autolink", "<bob@example.com>", "<p><a href=\"mailto:bob@example.com\">bob@example.com</a></p>"),
                arguments("bare URL", "see https://e.com/a_b?x=1&y=2 now",
                        "<p>see <a href=\"https://e.com/a_b?x=1&amp;y=2\">https://e.com/a_b?x=1&amp;y=2</a> now</p>"),
                arguments("bare URL before punctuation", "(see https://e.com/x).",
                        "<p>(see <a href=\"https://e.com/x\">https://e.com/x</a>).</p>"),
                arguments("bare http URL", "http://e.com", "<p><a href=\"http://e.com\">http://e.com</a></p>"),
                arguments("bare URL inside link text not linked twice", "[go to https://e.com](https://f.com)",
                        "<p><a href=\"https://f.com\">go to https://e.com</a></p>"),
                arguments("bare www address stays text", "www.example.com", "<p>www.example.com</p>"),
                arguments("bare email stays text", "bob@example.com", "<p>bob@example.com</p>"),
                arguments("ftp is no link", "[x](ftp://e.com)", "<p>x</p>"),
                arguments("relative is no link", "[x](/path)", "<p>x</p>"));
    }

    static Stream<Arguments> images() {
        return Stream.of(
                arguments("image is a link named by its alt text", "![diagram](https://e.com/a.png)",
                        "<p><a href=\"https://e.com/a.png\">diagram</a></p>"),
                arguments("image without alt text shows the address", "![](https://e.com/a.png)",
                        "<p><a href=\"https://e.com/a.png\">https://e.com/a.png</a></p>"),
                arguments("formatted alt text", "![a *b*](https://e.com/a.png)",
                        "<p><a href=\"https://e.com/a.png\">a <em>b</em></a></p>"),
                arguments("image inside a link is its alt text", "[![logo](https://e.com/l.png)](https://e.com)",
                        "<p><a href=\"https://e.com\">logo</a></p>"),
                arguments("image without alt text inside a link shows the image address",
                        "[![](https://e.com/l.png)](https://e.com)", "<p><a href=\"https://e.com\">https://e.com/l.png</a></p>"),
                arguments("data: image is its alt text", "![pixel](data:image/png;base64,AAAA)", "<p>pixel</p>"));
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                arguments("quote", "> q", "<blockquote><p>q</p></blockquote>"),
                arguments("quote over lines", "> a\n> b", "<blockquote><p>a<br>b</p></blockquote>"),
                arguments("lazy continuation", "> a\nb", "<blockquote><p>a<br>b</p></blockquote>"),
                arguments("nested quotes", "> a\n>\n> > b", "<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>"),
                arguments("list in a quote", "> - a\n> - b", "<blockquote><ul><li>a</li><li>b</li></ul></blockquote>"),
                arguments("quote then text", "> q\n\nreply", "<blockquote><p>q</p></blockquote><p>reply</p>"));
    }

    static Stream<Arguments> headings() {
        return Stream.of(
                arguments("h1 is a bold paragraph", "# Title", "<p><strong>Title</strong></p>"),
                arguments("h6 too", "###### Small", "<p><strong>Small</strong></p>"),
                arguments("setext heading", "Title\n===", "<p><strong>Title</strong></p>"),
                arguments("formatting inside", "## A *b* `c`", "<p><strong>A <em>b</em> <code>c</code></strong></p>"),
                arguments("heading then text", "# T\nbody", "<p><strong>T</strong></p><p>body</p>"),
                arguments("hashtag is no heading", "#general", "<p>#general</p>"));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments("dashes", "a\n\n---\n\nb", "<p>a</p><hr><p>b</p>"),
                arguments("asterisks", "***", "<hr>"),
                arguments("underscores", "___", "<hr>"));
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                arguments("table", "| A | B |\n| --- | --- |\n| 1 | 2 |",
                        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"),
                arguments("alignment dropped, formatting kept", "| A |\n| :-: |\n| **x** |",
                        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td><strong>x</strong></td></tr></tbody></table>"),
                arguments("header only", "| A |\n| --- |", "<table><thead><tr><th>A</th></tr></thead></table>"),
                arguments("escaped pipe in a cell", "| a \\| b |\n| --- |", "<table><thead><tr><th>a | b</th></tr></thead></table>"),
                arguments("missing cells filled", "| A | B |\n| --- | --- |\n| 1 |",
                        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td></td></tr></tbody></table>"),
                arguments("no delimiter row, no table", "| A | B |", "<p>| A | B |</p>"));
    }

    static Stream<Arguments> rawHtml() {
        return Stream.of(
                arguments("inline tags are text", "a <b>bold</b> b", "<p>a &lt;b&gt;bold&lt;/b&gt; b</p>"),
                arguments("block tags are text and Markdown inside still counts", "<div>\n*x*\n</div>",
                        "<p>&lt;div&gt;<br><em>x</em><br>&lt;/div&gt;</p>"),
                arguments("comment is text", "a <!-- hidden --> b", "<p>a &lt;!-- hidden --&gt; b</p>"),
                arguments("entities are decoded, then escaped again", "&lt;b&gt; &amp; &copy; &#x1F600;",
                        "<p>&lt;b&gt; &amp; © 😀</p>"));
    }

    static Stream<Arguments> plainText() {
        return Stream.of(
                arguments("ampersand and angle brackets", "R&D <3 a>b", "<p>R&amp;D &lt;3 a&gt;b</p>"),
                arguments("quotes stay in text", "\"q\" 's'", "<p>\"q\" 's'</p>"),
                arguments("emoji shortcodes stay", ":smile: :+1:", "<p>:smile: :+1:</p>"),
                arguments("emoji and other scripts", "Café 😀 日本 🇫🇷 👩‍💻", "<p>Café 😀 日本 🇫🇷 👩‍💻</p>"),
                arguments("channel link stays", "see ~town-square", "<p>see ~town-square</p>"));
    }
}
