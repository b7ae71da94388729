package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient.HostedContent;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Images pasted into Teams arrive as images and code snippets as code blocks: fetched once per
 * message for all its recipients, within Mattermost's file limits, and never as a link that needs
 * a Graph token.
 */
class PastedContentIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static final String VALUE_ROUTE = "GET /v1.0/chats/{chatId}/messages/{messageId}/hostedContents/{hostedContentId}/$value";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
    private static final String CARD = "{\"name\":\"\",\"language\":\"Python\",\"lines\":2,\"wrap\":false,\"codeSnippetUrl\":\"hosted:1\"}";

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private static String paste(String chat, Person from, String text, byte[] image, String code) {
        return bridge.harness().teams().postMessage(chat, from.teamsUserId(), "html",
                "<p>" + text + "</p><p><img src=\"hosted:0\" alt=\"image\"></p><attachment id=\"snippet\"></attachment>", List.of(),
                List.of(MicrosoftControlClient.Attachment.card("snippet", "application/vnd.microsoft.card.codesnippet", CARD)),
                List.of(new HostedContent("image/png", image), new HostedContent("text/plain", code.getBytes(StandardCharsets.UTF_8))));
    }

    /** A 1:1 chat whose other member is connected and Away. */
    private record Chat(Person sender, Person reader, String id) {}

    private static Chat withAwayReader(String sender, String reader) {
        Person from = world.person(sender);
        Person to = world.connected(world.person(reader));
        world.presence(to, "Away", "Away");
        return new Chat(from, to, world.chat("oneOnOne", null, from, to));
    }

    private static long downloads() {
        return bridge.harness().teams().stats().path("requests").path(VALUE_ROUTE).asLong(0);
    }

    private static JsonNode only(Person person, String text) {
        List<JsonNode> found = world.notifications(person).stream().filter(p -> p.path("message").asString().contains(text)).toList();
        assertThat(found).as("notifications of %s with %s", person.username(), text).hasSize(1);
        return found.getFirst();
    }

    @Test
    void everyAwayMemberGetsTheImageAttachedAndTheCodeAsABlockFromOneDownloadEach() {
        Person sender = world.person("painter");
        Person ann = world.connected(world.person("ann"));
        Person ben = world.connected(world.person("ben"));
        world.presence(ann, "Away", "Away");
        world.presence(ben, "Offline", "OffWork");
        String chat = world.chat("group", "Design", sender, ann, ben);
        long before = downloads();

        String message = paste(chat, sender, "the new layout", PNG, "def layout():\n    return 'grid'\n");
        world.awaitProcessed(chat, message);

        for (Person person : List.of(ann, ben)) {
            JsonNode post = only(person, "the new layout");
            String text = post.path("message").asString();
            assertThat(text).contains("```python\ndef layout():\n    return 'grid'\n```").doesNotContain("hostedContents")
                    .doesNotContain("not shown");
            assertThat(post.path("files")).hasSize(1);
            JsonNode file = post.path("files").get(0);
            assertThat(file.path("mime_type").asString()).isEqualTo("image/png");
            assertThat(file.path("name").asString()).isEqualTo("image-1.png");
            assertThat(bridge.harness().chat().file(file.path("id").asString()).bytes()).isEqualTo(PNG);
        }
        assertThat(downloads() - before).as("one download of the image and one of the snippet, for both").isEqualTo(2);
    }

    @Test
    void nothingIsFetchedWhenNobodyIsNotified() {
        Person sender = world.person("quietpainter");
        Person busy = world.connected(world.person("present"));
        world.presence(busy, "Available", "Available");
        String chat = world.chat("oneOnOne", null, sender, busy);
        long before = downloads();

        String message = paste(chat, sender, "not for now", PNG, "x = 1\n");
        world.awaitProcessed(chat, message);

        assertThat(world.notifications(busy)).noneMatch(p -> p.path("message").asString().contains("not for now"));
        assertThat(downloads()).isEqualTo(before);
    }

    @Test
    void aLongSnippetIsCutWithANote() {
        Chat c = withAwayReader("coder", "reader");
        Person sender = c.sender();
        Person reader = c.reader();
        String chat = c.id();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            code.append("line_").append(i).append(" = ").append(i).append('\n');
        }

        String message = paste(chat, sender, "the whole module", PNG, code.toString());
        world.awaitProcessed(chat, message);

        String text = only(reader, "the whole module").path("message").asString();
        assertThat(text).contains("line_0 = 0").doesNotContain("line_399 = 399").containsPattern("\\*\\(\\d+ more lines of this snippet in Teams\\)\\*");
    }

    @Test
    void whenMattermostTakesNoFilesTheImageIsNamedAndTheMessageStillArrives() {
        Chat c = withAwayReader("sharer", "nofiles");
        Person sender = c.sender();
        Person reader = c.reader();
        String chat = c.id();
        bridge.harness().chat().config(Map.of("EnableFileAttachments", false));
        try {
            bridge.harness().clock().advance(Duration.ofMinutes(11)); // past the reuse of Mattermost's file settings
            String message = paste(chat, sender, "screenshot attached", PNG, "y = 2\n");
            world.awaitProcessed(chat, message);

            JsonNode post = only(reader, "screenshot attached");
            assertThat(post.path("message").asString()).contains("(image not shown here, open the message in Teams)").contains("y = 2");
            assertThat(post.path("files")).isEmpty();
        } finally {
            bridge.harness().chat().config(Map.of("EnableFileAttachments", true));
            bridge.harness().clock().advance(Duration.ofMinutes(11));
        }
    }

    @Test
    void aFileMattermostRefusesLeavesANoteInThePost() {
        Chat c = withAwayReader("bigsharer", "refused");
        Person sender = c.sender();
        Person reader = c.reader();
        String chat = c.id();
        String warmUp = paste(chat, sender, "settings read first", PNG, "z = 3\n");
        world.awaitProcessed(chat, warmUp);
        // Lowered after the bridge read the settings: the upload itself is refused (413).
        bridge.harness().chat().config(Map.of("MaxFileSize", 8));
        try {
            String message = paste(chat, sender, "too big for the server", PNG, "w = 4\n");
            world.awaitProcessed(chat, message);

            JsonNode post = only(reader, "too big for the server");
            assertThat(post.path("message").asString()).contains("could not be attached here; open the message in Teams");
            assertThat(post.path("files")).isEmpty();
        } finally {
            bridge.harness().chat().config(Map.of("MaxFileSize", 100L * 1024 * 1024));
        }
    }
}
