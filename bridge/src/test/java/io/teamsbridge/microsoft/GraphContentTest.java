package io.teamsbridge.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.GraphContent.Download;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's token goes only to the configured Graph, for the message being handled, and downloads stop at their limit. */
class GraphContentTest {
    private static final String CHAT = "19:abc@thread.v2";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AppTokens tokens = mock(AppTokens.class);
    private GraphContent content;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getRawPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/v1.0/shares/")) {
                exchange.getResponseHeaders().add("Location", "/download/file.txt");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/download/")) {
                byte[] body = "file body".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "image/PNG");
                exchange.sendResponseHeaders(200, 0); // chunked: no length to trust
                exchange.getResponseBody().write(PNG);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
        MicrosoftProperties properties = mock(MicrosoftProperties.class);
        when(properties.graphBase()).thenReturn(base);
        when(properties.requestTimeout()).thenReturn(Duration.ofSeconds(5));
        when(tokens.token()).thenReturn("app-token");
        content = new GraphContent(properties, tokens, new io.teamsbridge.http.OutboundClients(
                new io.teamsbridge.config.OutboundProperties(null, null, null, java.util.List.of(), null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String hosted(String chat, String message) {
        return base.replace("/v1.0", "/beta") + "/chats/" + chat + "/messages/" + message + "/hostedContents/aWQ9MQ==/$value";
    }

    @Test
    void fetchesAHostedContentOfTheMessageFromTheConfiguredGraph() {
        Download download = content.hostedContent(hosted(CHAT, "1700"), CHAT, "1700", 1024);

        assertThat(download).isInstanceOfSatisfying(Download.Fetched.class, f -> {
            assertThat(f.bytes()).isEqualTo(PNG);
            assertThat(f.contentType()).isEqualTo("image/png");
        });
        assertThat(seen).containsExactly("/v1.0/chats/" + CHAT + "/messages/1700/hostedContents/aWQ9MQ==/$value Bearer app-token");
    }

    @Test
    void stopsAtTheLimitEvenWithoutALength() {
        assertThat(content.hostedContent(hosted(CHAT, "1700"), CHAT, "1700", PNG.length - 1))
                .isInstanceOfSatisfying(Download.Failed.class, f -> assertThat(f.tooLarge()).isTrue());
    }

    @Test
    void refusesAddressesThatAreNotThisMessagesHostedContentWithoutUsingTheToken() {
        String foreign = "https://attacker.example/v1.0/chats/" + CHAT + "/messages/1700/hostedContents/aWQ9MQ==/$value";
        String otherPort = hosted(CHAT, "1700").replace(":" + server.getAddress().getPort(), ":1");
        List<String> refused = List.of(foreign, otherPort, hosted(CHAT, "1701"), hosted("19:other@thread.v2", "1700"),
                hosted(CHAT, "1700") + "?redirect=https://attacker.example", base + "/chats/" + CHAT + "/messages/1700",
                "not a url at all", "javascript:alert(1)");

        for (String url : refused) {
            assertThat(content.hostedContent(url, CHAT, "1700", 1024)).as(url).isInstanceOf(Download.Failed.class);
        }
        verify(tokens, never()).token();
        assertThat(seen).isEmpty();
    }

    @Test
    void followsAFileRedirectWithoutTheToken() {
        Download download = content.sharedFile("https://contoso.sharepoint.com/sites/a/b.txt", "b.txt", 1024);

        assertThat(download).isInstanceOfSatisfying(Download.Fetched.class, f -> {
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("file body");
            assertThat(f.contentType()).isEqualTo("text/plain");
            assertThat(f.name()).isEqualTo("b.txt");
        });
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("/v1.0/shares/u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29tL3NpdGVzL2EvYi50eHQ/driveItem/content")
                .endsWith("Bearer app-token");
        assertThat(seen.get(1)).isEqualTo("/download/file.txt null");
    }
}
