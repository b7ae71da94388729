package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Teams HTML construct and the Markdown it becomes. */
class HtmlToMarkdownTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"paragraphs", "emphasis", "headings", "lists", "tables", "links", "code", "quotes", "emoji",
            "mentions", "images", "entities"})
    void rendersTeamsHtmlAsMarkdown(String construct, String html, String markdown) {
        assertThat(Fixtures.render(html)).isEqualTo(markdown);
    }

    static Stream<Arguments> paragraphs() {
        return Stream.of(
                arguments("paragraph", "<p>Hello world</p>", "Hello world"),
                arguments("two paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo"),
                arguments("line break", "<p>One<br>Two</p>", "One\nTwo"),
                arguments("divs as paragraphs", "<div><div>One</div><div>Two</div></div>", "One\n\nTwo"),
                arguments("empty paragraphs dropped", "<p>One</p><p>&nbsp;</p><p> </p><p>Two</p>", "One\n\nTwo"),
                arguments("whitespace collapsed", "<p>  a \n  b\t c  </p>", "a b c"),
                arguments("text and blocks mixed", "intro<div>block</div>outro", "intro\n\nblock\n\noutro"),
                arguments("spans with blocks inside", "<span><p>a</p><p>b</p></span>", "a\n\nb"),
                arguments("horizontal rule", "<p>a</p><hr><p>b</p>", "a\n\n***\n\nb"),
                arguments("trailing line breaks dropped", "<p>a<br><br></p>", "a"));
    }

    static Stream<Arguments> emphasis() {
        return Stream.of(
                arguments("strong", "<p>a <strong>bold</strong> b</p>", "a **bold** b"),
                arguments("b", "<b>x</b>", "**x**"),
                arguments("em and i", "<em>x</em> and <i>y</i>", "*x* and *y*"),
                arguments("underline has no Markdown", "<u>under</u>line", "underline"),
                arguments("strike, s, del", "<s>a</s> <strike>b</strike> <del>c</del>", "~~a~~ ~~b~~ ~~c~~"),
                arguments("bold italic", "<b><i>both</i></b>", "***both***"),
                arguments("inner whitespace moves out", "a<b> bold </b>b", "a **bold** b"),
                arguments("adjacent bold merges", "<b>a</b><b>b</b>", "**ab**"),
                arguments("empty bold leaves its space", "a<b> </b>b", "a b"),
                arguments("bold inside bold", "<b>a <strong>b</strong></b>", "**a b**"),
                arguments("line break inside bold", "<b>a<br>b</b>", "**a\nb**"),
                arguments("intraword italic uses asterisks", "un<i>believ</i>able", "un*believ*able"));
    }

    static Stream<Arguments> headings() {
        return Stream.of(
                arguments("h1", "<h1>Title</h1>", "# Title"),
                arguments("h3 with bold", "<h3>Sub <b>x</b></h3>", "### Sub **x**"),
                arguments("h6", "<h6>x</h6>", "###### x"),
                arguments("line break in heading", "<h2>a<br>b</h2>", "## a b"),
                arguments("empty heading dropped", "<h2> </h2><p>x</p>", "x"),
                arguments("heading then paragraph", "<h2>T</h2><p>body</p>", "## T\n\nbody"));
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                arguments("unordered", "<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
                arguments("ordered", "<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"),
                arguments("ordered with start", "<ol start=\"3\"><li>a</li></ol>", "3. a"),
                arguments("nested three levels",
                        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>",
                        "- a\n  - b\n    - c\n- d"),
                arguments("ordered inside unordered", "<ul><li>a<ol><li>x</li><li>y</li></ol></li></ul>",
                        "- a\n  1. x\n  2. y"),
                arguments("paragraphs in items", "<ul><li><p>a</p></li><li><p>b</p><p>c</p></li></ul>",
                        "- a\n- b\n  c"),
                arguments("list directly inside list", "<ul><li>a</li><ul><li>b</li></ul></ul>", "- a\n  - b"),
                arguments("wide markers indent further", "<ol start=\"9\"><li>i</li><li>j<ul><li>k</li></ul></li></ol>",
                        "9. i\n10. j\n    - k"),
                arguments("paragraph then list", "<p>Intro</p><ul><li>a</li></ul>", "Intro\n\n- a"),
                arguments("empty items dropped", "<ul><li>a</li><li> </li><li>b</li></ul>", "- a\n- b"),
                arguments("item text that looks like a list", "<ul><li>- a</li><li>2. b</li></ul>", "- \\- a\n- 2\\. b"),
                arguments("code block in item", "<ul><li>run<pre>make</pre></li></ul>", "- run\n  ```\n  make\n  ```"));
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                arguments("header row and body",
                        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
                        "| A | B |\n| --- | --- |\n| 1 | 2 |"),
                arguments("Teams copy-paste table, ragged, pipes escaped",
                        "<div><table itemprop=\"copy-paste-table\"><tbody><tr><td><p>Name</p></td><td><p>Value</p></td></tr>"
                                + "<tr><td><p>a|b</p></td></tr></tbody></table></div>",
                        "| Name | Value |\n| --- | --- |\n| a\\|b | |"),
                arguments("pipe in code cell", "<table><tr><td><code>a|b</code></td></tr></table>", "| `a\\|b` |\n| --- |"),
                arguments("line break in cell", "<table><tr><td>a<br>b</td><td><b>c</b></td></tr></table>",
                        "| a b | **c** |\n| --- | --- |"),
                arguments("table after text", "<p>Figures:</p><table><tr><td>x</td></tr></table>", "Figures:\n\n| x |\n| --- |"),
                arguments("empty table dropped", "<table><tr><td> </td></tr></table><p>x</p>", "x"));
    }

    static Stream<Arguments> links() {
        return Stream.of(
                arguments("link", "<a href=\"https://example.com/x\">Example</a>", "[Example](https://example.com/x)"),
                arguments("parentheses encoded", "<a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\">Foo</a>",
                        "[Foo](https://en.wikipedia.org/wiki/Foo_%28bar%29)"),
                arguments("javascript: not linked", "<a href=\"javascript:alert(1)\">click</a>", "click"),
                arguments("obfuscated javascript: not linked", "<a href=\"java&#9;script:alert(1)\">click</a>", "click"),
                arguments("data: not linked", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "x"),
                arguments("relative not linked", "<a href=\"/path\">x</a>", "x"),
                arguments("mailto", "<a href=\"mailto:a@b.com\">mail</a>", "[mail](mailto:a@b.com)"),
                arguments("empty text shows the URL", "<a href=\"https://e.com\"></a>", "[https://e.com](https://e.com)"),
                arguments("bold link text", "<a href=\"https://e.com\"><b>x</b></a>", "[**x**](https://e.com)"),
                arguments("brackets in link text", "<a href=\"https://e.com\">[x]</a>", "[\\[x\\]](https://e.com)"),
                arguments("space in URL encoded", "<a href=\"https://e.com/a b\">x</a>", "[x](https://e.com/a%20b)"),
                arguments("Teams link attributes", "<p>See <a href=\"https://contoso.com/\" rel=\"noreferrer noopener\" "
                        + "title=\"https://contoso.com/\" target=\"_blank\">https://contoso.com/</a> now</p>",
                        "See [https://contoso.com/](https://contoso.com/) now"),
                arguments("bare URL in text", "<p>see https://e.com/a_b.</p>", "see <https://e.com/a_b>."),
                arguments("bare URL in parentheses", "<p>(https://e.com/x)</p>", "(<https://e.com/x>)"));
    }

    static Stream<Arguments> code() {
        return Stream.of(
                arguments("inline code", "<p>run <code>a*b_c</code> now</p>", "run `a*b_c` now"),
                arguments("inline code with backtick", "<code>a`b</code>", "``a`b``"),
                arguments("inline code starting with backtick", "<code>`x</code>", "`` `x ``"),
                arguments("pre", "<pre>line1\n  line2</pre>", "```\nline1\n  line2\n```"),
                arguments("codeblock with language",
                        "<codeblock class=\"language-Java\"><code>int a = 1;<br>a++;</code></codeblock>",
                        "```java\nint a = 1;\na++;\n```"),
                arguments("language on the code element", "<pre><code class=\"language-python\">print(1)</code></pre>",
                        "```python\nprint(1)\n```"),
                arguments("C# language alias", "<codeblock class=\"language-C#\"><code>var x;</code></codeblock>",
                        "```csharp\nvar x;\n```"),
                arguments("fence longer than backticks inside", "<pre>```\ncode\n```</pre>", "````\n```\ncode\n```\n````"),
                arguments("nothing escaped in code", "<pre># not *heading* @all [x](y)</pre>", "```\n# not *heading* @all [x](y)\n```"),
                arguments("nbsp indentation kept", "<codeblock><code>if (x)<br>&nbsp;&nbsp;y();</code></codeblock>",
                        "```\nif (x)\n  y();\n```"),
                arguments("paragraphs inside code", "<pre><code><div>a</div><div>b</div></code></pre>", "```\na\nb\n```"),
                arguments("nothing escaped in inline code", "<code>**x** _y_ @all</code>", "`**x** _y_ @all`"));
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                arguments("quote", "<blockquote><p>q</p></blockquote>", "> q"),
                arguments("nested quotes", "<blockquote>a<blockquote>b</blockquote></blockquote>", "> a\n>\n> > b"),
                arguments("paragraphs in a quote", "<blockquote><p>a</p><p>b</p></blockquote>", "> a\n>\n> b"),
                arguments("list in a quote", "<blockquote><ul><li>a</li></ul></blockquote>", "> - a"),
                arguments("Teams reply quote",
                        "<blockquote itemscope=\"\" itemtype=\"http://schema.skype.com/Reply\" itemid=\"1616964509832\">"
                                + "<strong itemprop=\"mri\" itemid=\"8:orgid:u-bob\">Bob Builder</strong>"
                                + "<span itemprop=\"time\" itemid=\"1616964509832\"></span>"
                                + "<p itemprop=\"preview\">Are we on for *today*?</p></blockquote><p>Yes!</p>",
                        "> **Bob Builder** wrote:\n> Are we on for \\*today\\*?\n\nYes!"),
                arguments("reply quote without preview",
                        "<blockquote itemtype=\"http://schema.skype.com/Reply\"><strong itemprop=\"mri\">Bob</strong>"
                                + "<span itemprop=\"time\"></span>Old text</blockquote>",
                        "> **Bob** wrote:\n> Old text"));
    }

    static Stream<Arguments> emoji() {
        return Stream.of(
                arguments("emoji tag", "<p>Great <emoji id=\"1f600_grinningface\" alt=\"😀\" title=\"Grinning face\"></emoji></p>",
                        "Great 😀"),
                arguments("emoji image", "<img itemtype=\"http://schema.skype.com/Emoji\" alt=\"👍\" src=\"https://statics.teams.cdn.office.net/like.png\">",
                        "👍"),
                arguments("emoji without alt", "<emoji id=\"party\" title=\"Party\"></emoji>", "Party"),
                arguments("emoji between words", "a<emoji alt=\"🎉\"></emoji>b", "a🎉b"));
    }

    static Stream<Arguments> mentions() {
        return Stream.of(
                arguments("connected user", "<p><at id=\"6\">Carol</at> hi</p>", "@carol hi"),
                arguments("user not connected", "<p><at id=\"2\">Bob</at> hi</p>", "Bob hi"),
                arguments("full name split in two tags", "<p><at id=\"0\">Alice</at>&nbsp;<at id=\"1\">Archer</at> please</p>",
                        "@alice.archer please"),
                arguments("unconnected full name", "<p><at id=\"2\">Bob</at>&nbsp;<at id=\"3\">Builder</at>, hi</p>", "Bob Builder, hi"),
                arguments("two different users", "<at id=\"0\">Alice</at> <at id=\"6\">Carol</at>", "@alice.archer @carol"),
                arguments("mention text escaped", "<at id=\"5\">*Team*</at>", "\\*Team\\*"),
                arguments("app mention", "<at id=\"4\">Workflows</at> ran", "Workflows ran"),
                arguments("unknown mention id", "<at id=\"42\">Ghost</at>", "Ghost"),
                arguments("legacy mention span", "<span itemtype=\"http://schema.skype.com/Mention\" itemid=\"6\">Carol</span>", "@carol"),
                arguments("bold mention stays bold", "<b><at id=\"6\">Carol</at></b>", "**@carol**"));
    }

    static Stream<Arguments> images() {
        String hosted = "https://graph.microsoft.com/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/aWQ=/$value";
        return Stream.of(
                arguments("hosted image never a link (it needs a token)",
                        "<p><img src=\"" + hosted + "\" alt=\"image\" width=\"250\" height=\"100\"></p>", "(image)"),
                arguments("image alt text", "<img src=\"https://e.com/a.png\" alt=\"diagram [v2]\">", "[diagram \\[v2\\]](https://e.com/a.png)"),
                arguments("image without alt", "<img src=\"https://e.com/a.png\">", "[image](https://e.com/a.png)"),
                arguments("data: image not linked", "<img src=\"data:image/png;base64,AAA\" alt=\"x\">", "(x)"),
                arguments("image inside link", "<a href=\"https://e.com\"><img src=\"https://e.com/a.png\" alt=\"logo\"></a>",
                        "[logo](https://e.com)"));
    }

    static Stream<Arguments> entities() {
        return Stream.of(
                arguments("escaped tags are text", "<p>&lt;b&gt;not bold&lt;/b&gt;</p>", "\\<b\\>not bold\\</b\\>"),
                arguments("ampersand", "<p>R&amp;D &amp; more</p>", "R&D & more"),
                arguments("entity-looking text stays literal", "<p>&amp;copy; &amp;#169;</p>", "\\&copy; \\&\\#169;"),
                arguments("named and numeric entities", "<p>&quot;q&quot; &#39;s&#39; caf&eacute; &hellip; &#x1F600;</p>",
                        "\"q\" 's' café … 😀"),
                arguments("non-breaking spaces", "<p>a&nbsp;&nbsp;b&nbsp;</p>", "a b"));
    }
}
