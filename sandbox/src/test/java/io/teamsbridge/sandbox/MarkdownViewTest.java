package io.teamsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownViewTest {
    private final MarkdownView view = new MarkdownView();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            bold and italic            :: **a** *b*                   :: <p><strong>a</strong> <em>b</em></p>
            a list                     :: - one\\n- two              :: <ul>\\n<li>one</li>\\n<li>two</li>\\n</ul>
            a newline is a line break  :: one\\ntwo                   :: <p>one<br>\\ntwo</p>
            a table                    :: | a |\\n| --- |\\n| 1 |     :: <td>1</td>
            links open in a new tab    :: [x](https://example.com)    :: <a rel="noopener" href="https://example.com" target="_blank">x</a>
            raw HTML is shown as text  :: <script>alert(1)</script>   :: &lt;script&gt;alert(1)&lt;/script&gt;
            script links are dropped   :: [x](javascript:alert(1))    :: <a rel="noopener" href="" target="_blank">x</a>
            """)
    void rendersMarkdownAsMattermostShowsIt(String name, String markdown, String html) {
        assertThat(view.html(markdown.replace("\\n", "\n"))).contains(html.replace("\\n", "\n"));
    }
}
