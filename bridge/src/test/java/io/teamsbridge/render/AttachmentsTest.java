package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files, replies, forwards, code snippets and cards. */
class AttachmentsTest {
    static final String ADAPTIVE = "application/vnd.microsoft.card.adaptive";
    static final String FILE_URL = "https://contoso.sharepoint.com/sites/Team/Shared%20Documents/Report_Q3.docx";
    static final TeamsAttachment FILE = new TeamsAttachment("f1", "reference", FILE_URL, null, "Report_Q3.docx");
    static final TeamsAttachment REPLY = new TeamsAttachment("1616964509832", "messageReference", null,
            "{\"messageId\":\"1616964509832\",\"messagePreview\":\"Can you review *this*?\",\"messagePreviewContentType\":\"text\","
                    + "\"messageSender\":{\"application\":null,\"device\":null,\"user\":{\"userIdentityType\":\"aadUser\","
                    + "\"tenantId\":\"t\",\"id\":\"u-bob\",\"displayName\":\"Bob Builder\"}}}", null);
    static final String CARD = """
            {"type":"AdaptiveCard","version":"1.4","body":[
              {"type":"TextBlock","text":"Build failed","weight":"Bolder","style":"heading"},
              {"type":"TextBlock","text":"Pipeline **main** failed for <at>Bob</at> @bob","wrap":true},
              {"type":"FactSet","facts":[{"title":"Branch","value":"main"},{"title":"Commit *id*","value":"abc123"}]},
              {"type":"ColumnSet","columns":[
                {"type":"Column","items":[{"type":"TextBlock","text":"Left"}]},
                {"type":"Column","items":[{"type":"Image","url":"https://e.com/i.png","altText":"chart"}]}]},
              {"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Run "},
                {"type":"TextRun","text":"make test","fontType":"Monospace"},
                {"type":"TextRun","text":" again","weight":"Bolder"},
                {"type":"TextRun","text":" *now*","italic":true,"selectAction":{"type":"Action.OpenUrl","url":"https://ci.example.com/r"}}]},
              {"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Logs","url":"https://ci.example.com/1"}]},
              {"type":"Input.Text","id":"comment","placeholder":"Say something"}],
             "actions":[{"type":"Action.OpenUrl","title":"Open pipeline","url":"https://ci.example.com/p"},
              {"type":"Action.Submit","title":"Retry"},{"type":"Action.OpenUrl","title":"Bad","url":"javascript:alert(1)"}]}
            """;
    static final String CARD_MARKDOWN = """
            ### Build failed

            Pipeline **main** failed for Bob @\u200Bbob

            **Branch**: main
            **Commit \\*id\\***: abc123

            Left

            [chart](https://e.com/i.png)

            Run `make test` **again** [*\\*now\\**](https://ci.example.com/r)

            [Logs](https://ci.example.com/1)

            [Open pipeline](https://ci.example.com/p)""";

    @ParameterizedTest(name = "{0}")
    @MethodSource("attachments")
    void rendersAttachments(String what, TeamsMessage message, String markdown) {
        assertThat(Fixtures.render(message)).isEqualTo(markdown);
    }

    static Stream<Arguments> attachments() {
        String snippetUrl = "https://graph.microsoft.com/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/aWQ=/$value";
        return Stream.of(
                arguments("file after the body", Fixtures.html("<p>Here</p><attachment id=\"f1\"></attachment>", FILE),
                        "Here\n\n📎 [Report\\_Q3.docx](" + FILE_URL + ")"),
                arguments("file placed first still listed after the body", Fixtures.html("<attachment id=\"f1\"></attachment><p>text</p>", FILE),
                        "text\n\n📎 [Report\\_Q3.docx](" + FILE_URL + ")"),
                arguments("two files, one per line", Fixtures.html("<p>x</p>", FILE,
                        new TeamsAttachment("f2", "reference", "https://e.com/b.pdf", null, null)),
                        "x\n\n📎 [Report\\_Q3.docx](" + FILE_URL + ")\n📎 [b.pdf](https://e.com/b.pdf)"),
                arguments("file with unsafe URL", Fixtures.html("", new TeamsAttachment("f", "reference", "javascript:x", null, "a.txt")),
                        "📎 a.txt"),
                arguments("reply placed in the body", Fixtures.html("<attachment id=\"1616964509832\"></attachment><p>Done!</p>", REPLY),
                        "> **Bob Builder** wrote:\n> Can you review \\*this\\*?\n\nDone!"),
                arguments("reply not placed goes first", Fixtures.html("<p>Done!</p>", REPLY),
                        "> **Bob Builder** wrote:\n> Can you review \\*this\\*?\n\nDone!"),
                arguments("forwarded message", Fixtures.html("<p>FYI</p>", new TeamsAttachment("fw", "forwardedMessageReference", null,
                        "{\"originalMessageId\":\"1\",\"originalMessageContent\":\"<p>Hello <b>all</b></p><p>Second</p>\","
                                + "\"originalMessageSender\":{\"user\":{\"displayName\":\"Dana\"}}}", null)),
                        "> Forwarded from **Dana**:\n> Hello all\n> Second\n\nFYI"),
                arguments("code snippet card as a link", Fixtures.html("<attachment id=\"s\"></attachment>", new TeamsAttachment("s",
                        "application/vnd.microsoft.card.codesnippet", null,
                        "{\"name\":\"\",\"language\":\"Java\",\"codeSnippetUrl\":\"" + snippetUrl + "\",\"wrapText\":true}", null)),
                        "📎 Code snippet (Java), open the message in Teams to see it"),
                arguments("code snippet card with its code", Fixtures.html("", new TeamsAttachment("s",
                        "application/vnd.microsoft.card.codesnippet", null, "{\"language\":\"Python\",\"code\":\"print('```')\"}", null)),
                        "````python\nprint('```')\n````"),
                arguments("adaptive card", Fixtures.html("<p>From the pipeline:</p>", new TeamsAttachment("c", ADAPTIVE, null, CARD, null)),
                        "From the pipeline:\n\n" + CARD_MARKDOWN),
                arguments("card placed between paragraphs",
                        Fixtures.html("<p>Before</p><attachment id=\"c\"></attachment><p>After</p>", new TeamsAttachment("c", ADAPTIVE, null,
                                "{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"Card\"}]}", null)),
                        "Before\n\nCard\n\nAfter"),
                arguments("hero card", Fixtures.html("", new TeamsAttachment("h", "application/vnd.microsoft.card.hero", null,
                        "{\"title\":\"Weather [today]\",\"subtitle\":\"Oslo\",\"text\":\"Sunny **22°C**\","
                                + "\"images\":[{\"url\":\"https://e.com/sun.png\",\"alt\":\"sun\"}],"
                                + "\"buttons\":[{\"type\":\"openUrl\",\"title\":\"Forecast\",\"value\":\"https://weather.example.com\"},"
                                + "{\"type\":\"imBack\",\"title\":\"Thanks\",\"value\":\"thanks\"}]}", null)),
                        "**Weather \\[today\\]**\n\nOslo\n\nSunny **22°C**\n\n[sun](https://e.com/sun.png)\n\n[Forecast](https://weather.example.com)"),
                arguments("broken card JSON shows nothing", Fixtures.html("<p>x</p>", new TeamsAttachment("c", ADAPTIVE, null, "{not json", null)), "x"),
                arguments("unknown type with URL", Fixtures.html("", new TeamsAttachment("u", "image/png", "https://e.com/p.png", null, "p.png")),
                        "📎 [p.png](https://e.com/p.png)"),
                arguments("unknown type without anything", Fixtures.html("<p>x</p>", new TeamsAttachment("u", "application/x-unknown", null, "{}", null)), "x"),
                arguments("order: reply, body, card, files", Fixtures.html("<p>Body</p>", FILE,
                        new TeamsAttachment("c", ADAPTIVE, null, "{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"Card\"}]}", null),
                        REPLY),
                        "> **Bob Builder** wrote:\n> Can you review \\*this\\*?\n\nBody\n\nCard\n\n📎 [Report\\_Q3.docx](" + FILE_URL + ")"));
    }

    @Test
    void attachmentTagWithoutAttachmentIsIgnored() {
        assertThat(Fixtures.render("<p>a</p><attachment id=\"missing\"></attachment>")).isEqualTo("a");
    }
}
