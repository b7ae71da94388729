package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files shared in chats, read through Graph's sharing API only with a files permission. */
class SharedFilesTest {
    TeamsWorld world;

    @BeforeEach
    void start() {
        world = new TeamsWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static String shareId(String url) {
        return "u!" + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSharedFileIsReadByItsEncodedAddressOnceFilesReadAllIsGranted() {
        String url = world.control().uploadFile("Q3 report.txt", "text/plain", "numbers".getBytes(StandardCharsets.UTF_8));
        String content = "/shares/" + shareId(url) + "/driveItem/content";

        HttpResponse<String> withoutPermission = world.get(content);
        world.control().grantApplicationPermission("Files.Read.All");
        world.advance(java.time.Duration.ofSeconds(1)); // a new app token, with the new role
        HttpResponse<String> granted = world.get(content);
        JsonNode item = world.getJson("/shares/" + shareId(url) + "/driveItem");

        assertThat(url).startsWith("https://contoso.sharepoint.com/").endsWith("/Q3%20report.txt");
        assertThat(withoutPermission.statusCode()).isEqualTo(403);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(granted.body()).isEqualTo("numbers");
        assertThat(granted.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(item.get("name").stringValue()).isEqualTo("Q3 report.txt");
        assertThat(item.get("size").asInt()).isEqualTo(7);
        assertThat(item.get("file").get("mimeType").stringValue()).isEqualTo("text/plain");
        assertThat(world.get("/shares/" + shareId("https://contoso.sharepoint.com/nothing") + "/driveItem/content").statusCode())
                .isEqualTo(404);

        world.control().revokeApplicationPermission("Files.Read.All");
        world.advance(java.time.Duration.ofSeconds(1));
        assertThat(world.get(content).statusCode()).isEqualTo(403);
    }
}
