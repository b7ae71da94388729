package io.teamsbridge.sandbox;

import io.teamsbridge.BridgeApplication;
import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.mattermost.MattermostEmulatorOptions;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulator;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one process: the Microsoft and Mattermost emulators, and the bridge configured
 * against them exactly as an administrator would configure it against the real services.
 */
public final class Sandbox implements AutoCloseable {
    private final MicrosoftEmulator microsoft;
    private final MattermostEmulator mattermost;
    private final ConfigurableApplicationContext bridge;
    private final URI bridgeUrl;
    private final DemoWorld world;

    private Sandbox(MicrosoftEmulator microsoft, MattermostEmulator mattermost, ConfigurableApplicationContext bridge,
            URI bridgeUrl, DemoWorld world) {
        this.microsoft = microsoft;
        this.mattermost = mattermost;
        this.bridge = bridge;
        this.bridgeUrl = bridgeUrl;
        this.world = world;
    }

    public static Sandbox start(SandboxOptions options) {
        MicrosoftEmulator microsoft = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults().withPort(options.portMicrosoft()));
        MattermostEmulator mattermost = null;
        try {
            mattermost = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withPort(options.portMattermost()));
            MattermostControlClient.Bot bot = mattermost.control().createBot("teams-bridge", "Microsoft Teams",
                    "system_user system_admin");
            int port = options.portBridge() == 0 ? freePort() : options.portBridge();
            URI bridgeUrl = URI.create("http://127.0.0.1:" + port);
            DemoWorld world = options.seed() ? DemoWorld.seed(microsoft, mattermost) : DemoWorld.empty();
            SpringApplication app = new SpringApplication(BridgeApplication.class, SandboxPage.class, TeamsSideApi.class,
                    MattermostSideApi.class, DecisionFeed.class, SandboxApiErrors.class);
            SandboxBackends backends = new SandboxBackends(microsoft.control(), mattermost.control(), mattermost.baseUrl(),
                    bot.token(), world);
            app.addInitializers(context -> context.getBeanFactory().registerSingleton("sandboxBackends", backends));
            // The user's --name=value settings go last, over the sandbox's own.
            Map<String, String> settings = options.bridgeSettings(
                    settings(options, microsoft, mattermost, bot, bridgeUrl));
            ConfigurableApplicationContext context = app.run(settings.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            return new Sandbox(microsoft, mattermost, context, bridgeUrl, world);
        } catch (RuntimeException e) {
            if (mattermost != null) {
                mattermost.close();
            }
            microsoft.close();
            throw e;
        }
    }

    /** The sandbox's own settings for the bridge; the user's {@code --name=value} settings go over them. */
    private static Map<String, String> settings(SandboxOptions options, MicrosoftEmulator microsoft,
            MattermostEmulator mattermost, MattermostControlClient.Bot bot, URI bridgeUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(bridgeUrl.getPort()));
        p.put("server.address", "127.0.0.1");
        p.put("bridge.public-url", bridgeUrl.toString());
        p.put("bridge.encryption-key", randomKey());
        p.put("mattermost.url", mattermost.baseUrl().toString());
        p.put("mattermost.bot-token", bot.token());
        // Teams made by hand in the sandbox get the command within seconds rather than minutes.
        p.put("mattermost.command-sync-interval", "5s");
        // Presence set by hand in the sandbox should count for the very next message.
        p.put("notifications.presence-cache-ttl", "0s");
        p.put("microsoft.tenant-id", microsoft.tenantId());
        p.put("microsoft.client-id", microsoft.clientId());
        p.put("microsoft.client-secret", microsoft.clientSecret());
        p.put("microsoft.authority-url", microsoft.baseUrl().toString());
        p.put("microsoft.graph-url", microsoft.graphUrl().toString());
        if (options.dbUrl().isPresent()) {
            p.put("spring.datasource.url", options.dbUrl().get());
            options.dbUser().ifPresent(u -> p.put("spring.datasource.username", u));
            options.dbPassword().ifPresent(pw -> p.put("spring.datasource.password", pw));
        } else {
            try {
                Path dir = Files.createTempDirectory("teams-bridge-sandbox-");
                p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("bridge") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;PAGE_SIZE=4096;CACHE_SIZE=4096");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    public URI bridgeUrl() {
        return bridgeUrl;
    }

    public URI mattermostUrl() {
        return mattermost.baseUrl();
    }

    public URI microsoftUrl() {
        return microsoft.baseUrl();
    }

    public URI uiUrl() {
        return URI.create(bridgeUrl + SandboxPage.PATH);
    }

    public DemoWorld world() {
        return world;
    }

    /** The bridge's application context: tests check what the bridge was started with. */
    ConfigurableApplicationContext bridgeContext() {
        return bridge;
    }

    /** The one line that says the sandbox is up and where. */
    public String readyLine() {
        return "SANDBOX READY bridge=" + bridgeUrl + " mattermost=" + mattermostUrl() + " microsoft=" + microsoftUrl()
                + " ui=" + uiUrl();
    }

    /** The same facts as JSON, for the ready file. */
    public String readyJson() {
        return "{\"bridge\":\"" + bridgeUrl + "\",\"mattermost\":\"" + mattermostUrl() + "\",\"microsoft\":\""
                + microsoftUrl() + "\",\"ui\":\"" + uiUrl() + "\"}";
    }

    @Override
    public void close() {
        bridge.close();
        mattermost.close();
        microsoft.close();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
