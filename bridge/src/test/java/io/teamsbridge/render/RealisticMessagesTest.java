package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole message bodies as the Teams clients write them. */
class RealisticMessagesTest {
    static final String STATUS_UPDATE = "<div><div><h2>Sprint 42 status</h2><p>Hi <at id=\"0\">Alice</at>&nbsp;<at id=\"1\">Archer</at> "
            + "and <at id=\"2\">Bob</at>, here is where we are:</p><ul><li><b>Done:</b> login page "
            + "<emoji id=\"1f389_partypopper\" alt=\"🎉\" title=\"Party popper\"></emoji></li><li><b>In progress:</b>"
            + "<ul><li>search (<i>80%</i>)</li><li>exports</li></ul></li></ul><p>Board: <a href=\"https://dev.azure.com/contoso/_boards/board/t/Team/Stories\" "
            + "rel=\"noreferrer noopener\" target=\"_blank\" title=\"https://dev.azure.com/contoso/_boards/board/t/Team/Stories\">Stories board</a></p></div></div>";

    static final String STATUS_UPDATE_MARKDOWN = """
            ## Sprint 42 status

            Hi @alice.archer and Bob, here is where we are:

            - **Done:** login page 🎉
            - **In progress:**
              - search (*80%*)
              - exports

            Board: [Stories board](https://dev.azure.com/contoso/_boards/board/t/Team/Stories)""";

    static Stream<Arguments> messages() {
        return Stream.of(
                arguments("status update with mentions, lists, emoji and a link", Fixtures.html(STATUS_UPDATE), STATUS_UPDATE_MARKDOWN),
                arguments("reply with inline code and a code block", Fixtures.html(
                        "<blockquote itemscope=\"\" itemtype=\"http://schema.skype.com/Reply\" itemid=\"1700000000000\">"
                                + "<strong itemprop=\"mri\" itemid=\"8:orgid:u-bob\">Bob Builder</strong>"
                                + "<span itemprop=\"time\" itemid=\"1700000000000\"></span>"
                                + "<p itemprop=\"preview\">Why does the build fail on main?</p></blockquote>"
                                + "<p>Because <code>MAX_SIZE</code> changed. Try this:</p>"
                                + "<codeblock class=\"language-Java\"><code>if&nbsp;(size&nbsp;&gt;&nbsp;MAX_SIZE)&nbsp;{<br>"
                                + "&nbsp;&nbsp;&nbsp;&nbsp;throw&nbsp;new&nbsp;IllegalStateException(\"too&nbsp;big\");<br>}</code></codeblock>"
                                + "<p>Then run <code>mvn -q verify</code>.</p>"),
                        """
                        > **Bob Builder** wrote:
                        > Why does the build fail on main?

                        Because `MAX_SIZE` changed. Try this:

                        ```java
                        if (size > MAX_SIZE) {
                            throw new IllegalStateException("too big");
                        }
                        ```

                        Then run `mvn -q verify`."""),
                arguments("table, hosted image and a file", Fixtures.html(
                        "<p>Numbers for Q3 attached <emoji id=\"1f4ca\" alt=\"📊\" title=\"Bar chart\"></emoji></p>"
                                + "<div><table itemprop=\"copy-paste-table\" style=\"width:100%\"><tbody>"
                                + "<tr><td style=\"border:1px solid\"><p><b>Region</b></p></td><td><p><b>Revenue</b></p></td></tr>"
                                + "<tr><td><p>EMEA</p></td><td><p>1,200</p></td></tr>"
                                + "<tr><td><p>Americas</p></td><td><p>2,450</p></td></tr></tbody></table></div>"
                                + "<p><img src=\"https://graph.microsoft.com/v1.0/chats/19:2da4c29f6d7041eca70b638b43d45437@thread.v2/messages/"
                                + "1616964509832/hostedContents/aWQ9eF8wLXd1cy1kOS1lNWQ5/$value\" alt=\"image\" itemscope=\"\" "
                                + "itemtype=\"http://schema.skype.com/AMSImage\" width=\"640\" height=\"360\"></p>"
                                + "<attachment id=\"5fa2d1e8-0e5b-4c5a-9f11-3a1a5c0b5e21\"></attachment>",
                        new TeamsAttachment("5fa2d1e8-0e5b-4c5a-9f11-3a1a5c0b5e21", "reference",
                                "https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/Q3%20report.xlsx", null, "Q3 report.xlsx")),
                        """
                        Numbers for Q3 attached 📊

                        | **Region** | **Revenue** |
                        | --- | --- |
                        | EMEA | 1,200 |
                        | Americas | 2,450 |

                        (image)

                        📎 [Q3 report.xlsx](https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/Q3%20report.xlsx)"""),
                arguments("agenda with styles, strike, underline and Markdown-looking text", Fixtures.html(
                        "<p><span style=\"font-size:inherit\">Agenda for </span><span style=\"color:rgb(196, 49, 75)\"><b>Weekly sync</b></span>:</p>"
                                + "<ol><li><s>Budget</s> (moved)</li><li><u>Hiring</u> – see #42</li><li>Release 2.0 *final*</li></ol>"
                                + "<blockquote><p>Be on time &lt;3</p></blockquote>"),
                        """
                        Agenda for **Weekly sync**:

                        1. ~~Budget~~ (moved)
                        2. Hiring – see \\#42
                        3. Release 2.0 \\*final\\*

                        > Be on time \\<3"""),
                arguments("plain text from a bot", Fixtures.text("Deploy #381 finished.\n* 3 services updated\nDetails: https://deploy.example.com/381"),
                        "Deploy \\#381 finished.\n\\* 3 services updated\nDetails: <https://deploy.example.com/381>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void rendersWholeMessages(String what, TeamsMessage message, String markdown) {
        assertThat(Fixtures.render(message)).isEqualTo(markdown);
    }

    @Test
    void wholeGroupNotification() {
        List<String> posts = new NotificationRenderer(NotificationRenderer.DEFAULT_MAX_POST_RUNES).render(
                Fixtures.html(STATUS_UPDATE), Fixtures.context("Dana Diaz", ChatKind.GROUP, "Project X", 3));
        assertThat(posts).containsExactly("**Dana Diaz** wrote in the group chat **Project X** (with 3 others)\n\n"
                + STATUS_UPDATE_MARKDOWN + "\n\n" + NotificationRendererTest.LINK);
    }

    @Test
    void outputHasNoTrailingSpacesNorDoubleBlankLines() {
        messages().forEach(args -> {
            String markdown = Fixtures.render((TeamsMessage) args.get()[1]);
            assertThat(markdown).doesNotContainPattern("[ \\t]+\\n").doesNotContain("\n\n\n").isEqualTo(markdown.strip());
        });
    }
}
