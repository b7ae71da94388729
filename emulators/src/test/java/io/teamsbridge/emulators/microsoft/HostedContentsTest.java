package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pasted images and code snippets: addresses in the message, the hosted-content routes, their permissions. */
class HostedContentsTest {
    private static final byte[] IMAGE = "PNG-bytes-of-a-screenshot".getBytes(StandardCharsets.US_ASCII);
    private static final String CODE = "def hello():\n    return 'world'\n";
    private static final String SNIPPET_CARD = "{\"name\":\"\",\"language\":\"Python\",\"lines\":2,\"wrap\":false,"
            + "\"codeSnippetUrl\":\"hosted:1\"}";

    TeamsWorld world;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String send(String chat) {
        return world.control().postMessage(chat, world.alice, "html",
                "<p>Look</p><p><img src=\"hosted:0\" alt=\"image\"></p><attachment id=\"snip\"></attachment>", List.of(),
                List.of(MicrosoftControlClient.Attachment.card("snip", "application/vnd.microsoft.card.codesnippet", SNIPPET_CARD)),
                List.of(new MicrosoftControlClient.HostedContent("image/png", IMAGE),
                        new MicrosoftControlClient.HostedContent("text/plain", CODE.getBytes(StandardCharsets.UTF_8))));
    }

    /** The path under the Graph base of an address the message carries. */
    private String pathOf(String url) {
        assertThat(url).startsWith(world.emulator.graphUrl().toString());
        return url.substring(world.emulator.graphUrl().toString().length());
    }

    @Test
    void aPastedImageAndASnippetAreServedAtTheAddressesTheMessageCarries() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = send(chat);

        JsonNode message = world.getJson("/chats/" + chat + "/messages/" + id);
        String html = message.get("body").get("content").stringValue();
        String imageUrl = html.replaceAll("(?s).*<img src=\"([^\"]+)\".*", "$1");
        assertThat(imageUrl).startsWith(world.emulator.graphUrl() + "/chats/" + chat + "/messages/" + id + "/hostedContents/")
                .endsWith("/$value");
        JsonNode card = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(message.get("attachments").get(0).get("content").stringValue());
        String snippetUrl = card.get("codeSnippetUrl").stringValue();
        assertThat(snippetUrl).endsWith("/$value").isNotEqualTo(imageUrl);

        HttpResponse<String> image = world.get(pathOf(imageUrl));
        HttpResponse<String> code = world.get(pathOf(snippetUrl));

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.body()).isEqualTo(new String(IMAGE, StandardCharsets.US_ASCII));
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(code.body()).isEqualTo(CODE);
        String template = "GET /v1.0/chats/{chatId}/messages/{messageId}/hostedContents/{hostedContentId}/$value";
        assertThat(world.control().stats().get("requests").get(template).asLong()).isEqualTo(2);
    }

    @Test
    void theListAndTheMetadataCarryNoBytesAsInGraph() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = send(chat);

        JsonNode list = world.getJson("/chats/" + chat + "/messages/" + id + "/hostedContents");
        String first = list.get("value").get(0).get("id").stringValue();
        JsonNode one = world.getJson("/chats/" + chat + "/messages/" + id + "/hostedContents/" + first);

        assertThat(list.get("value")).hasSize(2);
        assertThat(list.get("value").get(0).get("contentBytes").isNull()).isTrue();
        assertThat(one.get("contentType").isNull()).isTrue();
        assertThat(world.get("/chats/" + chat + "/messages/" + id + "/hostedContents/bm9uZQ==/$value").statusCode()).isEqualTo(404);
    }

    @Test
    void membersMayReadThemAndOthersMayNot() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = send(chat);
        String first = world.getJson("/chats/" + chat + "/messages/" + id + "/hostedContents").get("value").get(0).get("id").stringValue();
        String value = "/chats/" + chat + "/messages/" + id + "/hostedContents/" + first + "/$value";

        assertThat(world.graph("GET", value, null, world.userToken(world.bob)).statusCode()).isEqualTo(200);
        assertThat(world.graph("GET", value, null, world.userToken(world.carol)).statusCode()).isEqualTo(403);
        assertThat(world.graph("GET", value, null, "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aDeletedMessageKeepsNoContent() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));
        String id = send(chat);
        world.control().deleteMessage(chat, id);

        assertThat(world.getJson("/chats/" + chat + "/messages/" + id + "/hostedContents").get("value")).isEmpty();
    }

    @Test
    void placeholdersMustNameAContentAndContentsMustBeValid() {
        String chat = world.control().createChat("oneOnOne", null, List.of(world.alice, world.bob));

        assertThatThrownBy(() -> world.control().postMessage(chat, world.alice, "html", "<img src=\"hosted:1\">", List.of(),
                List.of(), List.of(new MicrosoftControlClient.HostedContent("image/png", IMAGE))))
                .hasMessageContaining("400").hasMessageContaining("hosted:1");
        assertThatThrownBy(() -> world.control().postMessage(chat, world.alice, "html", "<img src=\"hosted:0\">", List.of(),
                List.of(), List.of(new MicrosoftControlClient.HostedContent("image/png", new byte[0]))))
                .hasMessageContaining("400");
    }
}
