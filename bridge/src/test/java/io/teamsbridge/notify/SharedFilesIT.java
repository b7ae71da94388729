package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Files shared from SharePoint or OneDrive: always a named link; attached too when the
 * administrator turned the upload on and granted {@code Files.Read.All}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedFilesIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.content.upload-shared-files", "true"));

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private static JsonNode share(String text, String name, byte[] bytes) {
        Person sender = world.person("filer");
        Person reader = world.connected(world.person("filereader"));
        world.presence(reader, "Away", "Away");
        String chat = world.chat("oneOnOne", null, sender, reader);
        String url = bridge.harness().teams().uploadFile(name, "application/pdf", bytes);
        String message = bridge.harness().teams().postMessage(chat, sender.teamsUserId(), "html",
                "<p>" + text + "</p><attachment id=\"f1\"></attachment>", List.of(),
                List.of(MicrosoftControlClient.Attachment.file("f1", url, name)));
        world.awaitProcessed(chat, message);
        List<JsonNode> posts = world.notifications(reader).stream().filter(p -> p.path("message").asString().contains(text)).toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().path("message").asString()).contains("📎 [" + name + "](" + url + ")");
        return posts.getFirst();
    }

    @Test
    @Order(1)
    void withoutFilesReadAllTheFileIsALinkAndTheMessageArrives() {
        JsonNode post = share("the contract, unsigned", "contract.pdf", "%PDF-1.7 unsigned".getBytes(StandardCharsets.US_ASCII));

        assertThat(post.path("files")).isEmpty();
    }

    @Test
    @Order(2)
    void withFilesReadAllTheFileIsAlsoAttached() {
        bridge.harness().teams().grantApplicationPermission("Files.Read.All");
        try {
            bridge.harness().clock().advance(Duration.ofMinutes(70)); // the app token is minted again, with the role
            byte[] pdf = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);
            JsonNode post = share("the contract, signed", "signed-contract.pdf", pdf);

            assertThat(post.path("files")).hasSize(1);
            assertThat(post.path("files").get(0).path("name").asString()).isEqualTo("signed-contract.pdf");
            assertThat(bridge.harness().chat().file(post.path("files").get(0).path("id").asString()).bytes()).isEqualTo(pdf);
        } finally {
            bridge.harness().teams().revokeApplicationPermission("Files.Read.All");
        }
    }
}
