package io.teamsbridge.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.teamsbridge.render.FetchedContent.ImageState;
import io.teamsbridge.render.FetchedContent.Snippet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hosted images and code snippets, as fetched (or not) before rendering; never a link that needs a token. */
class FetchedContentTest {
    private static final String IMAGE = "https://graph.microsoft.com/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/aW1n/$value";
    private static final String OTHER = "https://graph.microsoft.com/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/b3Ro/$value";
    private static final String CODE = "https://graph.microsoft.com/v1.0/chats/19:x@thread.v2/messages/1/hostedContents/Y29k/$value";
    private static final TeamsAttachment SNIPPET = new TeamsAttachment("s1", "application/vnd.microsoft.card.codesnippet", null,
            "{\"name\":\"\",\"language\":\"Python\",\"lines\":3,\"wrap\":false,\"codeSnippetUrl\":\"" + CODE + "\"}", null);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersWhatWasFetched(String what, TeamsMessage message, FetchedContent fetched, String markdown) {
        assertThat(Fixtures.render(message.withFetched(fetched))).isEqualTo(markdown);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("attached image needs no words", Fixtures.html("<p>Look <img src=\"" + IMAGE + "\" alt=\"image\"></p>"),
                        images(Map.of(IMAGE, ImageState.ATTACHED)), "Look"),
                arguments("image that could not be attached", Fixtures.html("<p>Look <img src=\"" + IMAGE + "\" alt=\"image\"></p>"),
                        images(Map.of(IMAGE, ImageState.NOT_SHOWN)), "Look (image not shown here, open the message in Teams)"),
                arguments("image not fetched (an edit) is only named", Fixtures.html("<p><img src=\"" + IMAGE + "\" alt=\"chart\"></p>"),
                        FetchedContent.NONE, "(chart)"),
                arguments("two images, one attached", Fixtures.html("<p><img src=\"" + IMAGE + "\"> and <img src=\"" + OTHER + "\"></p>"),
                        images(Map.of(IMAGE, ImageState.ATTACHED, OTHER, ImageState.NOT_SHOWN)),
                        "and (image not shown here, open the message in Teams)"),
                arguments("alt text of a failed image is escaped", Fixtures.html("<img src=\"" + IMAGE + "\" alt=\"**x** [y](z)\">"),
                        images(Map.of(IMAGE, ImageState.NOT_SHOWN)),
                        "(\\*\\*x\\*\\* \\[y\\](z) not shown here, open the message in Teams)"),
                arguments("fetched snippet in its language", Fixtures.html("<attachment id=\"s1\"></attachment>", SNIPPET),
                        snippets(Map.of("s1", new Snippet("def f():\n    return 1", 0))), "```python\ndef f():\n    return 1\n```"),
                arguments("cut snippet says how much is left", Fixtures.html("<p>see</p><attachment id=\"s1\"></attachment>", SNIPPET),
                        snippets(Map.of("s1", new Snippet("a = 1", 41))), "see\n\n```python\na = 1\n```\n\n*(41 more lines of this snippet in Teams)*"),
                arguments("snippet with fences inside keeps them", Fixtures.html("<attachment id=\"s1\"></attachment>", SNIPPET),
                        snippets(Map.of("s1", new Snippet("s = '```'", 0))), "````python\ns = '```'\n````"),
                arguments("snippet not fetched is named, not linked", Fixtures.html("<attachment id=\"s1\"></attachment>", SNIPPET),
                        FetchedContent.NONE, "📎 Code snippet (Python), open the message in Teams to see it"));
    }

    @Test
    void findsHostedImagesOnceEachAndNotEmojiOrOtherImages() {
        TeamsMessage message = Fixtures.html("<p><img src=\"" + IMAGE + "\"><img src=\" " + IMAGE + " \"><img src=\"" + OTHER + "\">"
                + "<img src=\"https://e.com/a.png\"><img itemtype=\"http://schema.skype.com/Emoji\" src=\"" + CODE + "\">"
                + "<img src=\"https://graph.microsoft.com/v1.0/chats/c/messages/1/hostedContents/x\"></p>");

        assertThat(ContentRefs.hostedImages(message)).containsExactly(IMAGE, OTHER);
        assertThat(ContentRefs.hostedImages(Fixtures.text("<img src=\"" + IMAGE + "\">"))).isEmpty();
    }

    @Test
    void findsCodeSnippetsWithHostedCodeOnly() {
        TeamsAttachment inline = new TeamsAttachment("s2", "application/vnd.microsoft.card.codesnippet", null,
                "{\"language\":\"Go\",\"code\":\"x\"}", null);
        TeamsAttachment broken = new TeamsAttachment("s3", "application/vnd.microsoft.card.codesnippet", null, "{not json", null);
        TeamsAttachment elsewhere = new TeamsAttachment("s4", "application/vnd.microsoft.card.codesnippet", null,
                "{\"codeSnippetUrl\":\"javascript:alert(1)\"}", null);

        assertThat(ContentRefs.codeSnippets(Fixtures.html("", SNIPPET, inline, broken, elsewhere)))
                .containsExactly(new ContentRefs.SnippetRef("s1", CODE, "Python"));
    }

    @Test
    void sharedFilesAreReferencesWithSafeAddresses() {
        TeamsAttachment file = new TeamsAttachment("f1", "reference", "https://contoso.sharepoint.com/a.docx", null, "a.docx");
        TeamsAttachment unsafe = new TeamsAttachment("f2", "reference", "javascript:x", null, "b.docx");

        assertThat(ContentRefs.sharedFiles(Fixtures.html("", file, unsafe, SNIPPET))).containsExactly(file);
    }

    private static FetchedContent images(Map<String, ImageState> images) {
        return new FetchedContent(images, Map.of());
    }

    private static FetchedContent snippets(Map<String, Snippet> snippets) {
        return new FetchedContent(Map.of(), snippets);
    }

}
