package io.teamsbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsbridge.config.OutboundProperties;
import io.teamsbridge.config.StartupCheckException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared outbound client: an extra trusted CA is added to the JDK's (a server under a private CA
 * is reached, public CAs stay trusted), the proxy is used for every host but the configured
 * exceptions, and request paths become bounded metric templates.
 */
class OutboundClientsTest {
    private static final Path CA = Path.of("src/test/resources/tls/test-ca.pem");
    private HttpsServer server;

    @BeforeEach
    void serveTlsUnderThePrivateCa() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/tls/server.p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServerUnderThePrivateCaIsReachedOnlyWithTheBundle() throws Exception {
        URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/api/v4/system/ping");
        OutboundClients plain = clients(new OutboundProperties(null, null, null, List.of(), null));
        OutboundClients withCa = clients(new OutboundProperties(null, null, null, List.of(), CA));

        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(), "mattermost"))
                .isInstanceOf(SSLHandshakeException.class);
        HttpResponse<String> answer = withCa.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(),
                "mattermost");
        assertThat(answer.body()).isEqualTo("ok");
    }

    /**
     * An https target through a proxy that wants Basic credentials for its CONNECT: the JDK refuses
     * that unless {@code jdk.http.auth.tunneling.disabledSchemes} is emptied, which the service's
     * main method does (and the build does for the test JVM, as the property is read once).
     */
    @Test
    void anHttpsTargetIsReachedThroughAnAuthenticatingTunnellingProxy() throws Exception {
        assertThat(System.getProperty("jdk.http.auth.tunneling.disabledSchemes")).as("set as BridgeApplication.main sets it")
                .isEmpty();
        try (io.teamsbridge.testing.TunnelProxy proxy = io.teamsbridge.testing.TunnelProxy.start("svc", "s3cret")) {
            OutboundClients clients = clients(new OutboundProperties(proxy.url(), "svc", "s3cret", List.of(), CA));
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/api/v4/system/ping");

            HttpResponse<String> answer = clients.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(),
                    "mattermost");

            assertThat(answer.body()).isEqualTo("ok");
            assertThat(proxy.tunnels()).containsExactly("127.0.0.1:" + server.getAddress().getPort());
            assertThat(proxy.challenged()).as("the proxy asked before it opened the tunnel").isPositive();
        }
    }

    @Test
    void theBundleIsAddedToTheJdksTrustNotInItsPlace() throws Exception {
        X509TrustManager trust = TrustedCas.trust(CA);
        List<String> issuers = Arrays.stream(trust.getAcceptedIssuers()).map(c -> c.getSubjectX500Principal().getName()).toList();

        assertThat(issuers).contains("CN=teams-bridge test CA");
        assertThat(issuers).as("the JDK's public CAs").hasSizeGreaterThan(50);
    }

    @Test
    void aBundleWithoutCertificatesIsRefusedNamingTheSetting(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> TrustedCas.read(empty)).isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("outbound.trusted-ca-file");
        assertThatThrownBy(() -> TrustedCas.read(dir.resolve("missing.pem"))).isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theProxyIsUsedForEveryHostButTheExceptions() {
        ConfiguredProxy selector = new ConfiguredProxy(URI.create("http://proxy.corp.example:3128"),
                List.of("mattermost.corp.example", "*.internal.example"));

        Proxy proxied = selector.select(URI.create("https://graph.microsoft.com/v1.0/chats")).getFirst();
        assertThat(proxied.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(((InetSocketAddress) proxied.address()).getPort()).isEqualTo(3128);
        assertThat(selector.select(URI.create("http://127.0.0.1:8065/api/v4/users/me")).getFirst())
                .as("loopback is not skipped unless configured").isEqualTo(proxied);
        assertThat(selector.select(URI.create("https://mattermost.corp.example/api/v4")).getFirst()).isEqualTo(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://chat.internal.example/")).getFirst()).isEqualTo(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://internal.example/")).getFirst()).isEqualTo(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://notinternal.example/")).getFirst()).isEqualTo(proxied);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1.0/chats/19:abc_def@thread.v2/messages/1712345678901 | /v1.0/chats/{id}/messages/{id}",
            "/v1.0/chats/19%3Aabc%40thread.v2?$expand=members | /v1.0/chats/{id}",
            "/v1.0/communications/getPresencesByUserId | /v1.0/communications/getPresencesByUserId",
            "/v1.0/me | /v1.0/me",
            "/v1.0/subscriptions/7f3c1b2a-0d4e-4b8f-9c61-2f0e5d8a9b10 | /v1.0/subscriptions/{id}",
            "/v1.0/chats/19:x@unq.gbl.spaces/messages/1712/hostedContents/aWQ9eF8wLWN1cy1kMTAtMmQ2YjE=/$value | /v1.0/chats/{id}/messages/{id}/hostedContents/{id}/$value",
            "/v1.0/shares/u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29t/driveItem/content | /v1.0/shares/{id}/driveItem/content",
            "/api/v4/users/9xq8bbbbbbbbbbbbbbbbbbbbbb | /api/v4/users/{id}",
            "/api/v4/channels/direct | /api/v4/channels/direct",
            "/api/v4/users/email/ada@example.com | /api/v4/users/email/{id}",
            "/api/v4/posts/abcdefghijklmnopqrstuvwxyz/files/info | /api/v4/posts/{id}/files/info",
            "/e61ef81e-8bd8-476a-92e8-4a62f8426fca/oauth2/v2.0/token | /{id}/oauth2/v2.0/token",
            "/common/discovery/keys | /common/discovery/keys",
            "/ | /",
            "/a/b/c/d/e/f/g/h/i/j | /a/b/c/d/e/f/g/h/…",
    })
    void pathsBecomeTemplates(String path, String template) {
        assertThat(OutboundMetrics.endpoint(URI.create("http://h" + path).getRawPath())).isEqualTo(template);
    }

    private static OutboundClients clients(OutboundProperties settings) {
        return new OutboundClients(settings, new SimpleMeterRegistry());
    }
}
