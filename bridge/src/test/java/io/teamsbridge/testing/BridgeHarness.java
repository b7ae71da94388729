package io.teamsbridge.testing;

import io.teamsbridge.BridgeApplication;
import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.mattermost.MattermostEmulatorOptions;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulator;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulatorOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole world for an integration test: the Microsoft and Mattermost emulators, a database, and the
 * bridge running as a real Spring Boot application on a loopback port, configured only through its
 * public settings. The bridge's clock is a {@link MutableClock} the test can move. The bridge can be
 * stopped and started again on the same database to test restarts.
 */
public final class BridgeHarness implements AutoCloseable {
    private final MicrosoftEmulator microsoft;
    private final MattermostEmulator mattermost;
    private final TestDatabase database;
    private final MattermostControlClient.Bot bot;
    private String encryptionKey;
    private String previousEncryptionKey;
    private final MutableClock clock = MutableClock.startingNow();
    private final Clock bridgeClock;
    private final int port;
    private final Map<String, String> extra;
    private ConfigurableApplicationContext bridge;
    private final java.util.Set<String> leftOutOfInbox = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BridgeHarness(Map<String, String> extra, boolean movableClock) {
        this(extra, movableClock, java.time.Duration.ZERO, java.time.Duration.ZERO);
    }

    private BridgeHarness(Map<String, String> extra, boolean movableClock, java.time.Duration microsoftSkew,
            java.time.Duration mattermostSkew) {
        this(extra, movableClock, microsoftSkew, mattermostSkew, null);
    }

    private BridgeHarness(Map<String, String> extra, boolean movableClock, java.time.Duration microsoftSkew,
            java.time.Duration mattermostSkew, Clock mattermostClock) {
        this.extra = new LinkedHashMap<>(extra);
        this.bridgeClock = movableClock ? clock : Clock.systemUTC();
        // The emulators share the bridge's time (moved by the given skew), so tokens and subscriptions
        // expire alike on both sides.
        this.microsoft = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults()
                .withClock(Clock.offset(bridgeClock, microsoftSkew)));
        this.mattermost = MattermostEmulator.start(mattermostOptions().withClock(
                mattermostClock != null ? mattermostClock : Clock.offset(bridgeClock, mattermostSkew)));
        if (movableClock) {
            // Graph's rate limits count per window of time, and this clock only moves when told.
            this.microsoft.control().faults(Map.of("throttle", false));
        }
        this.database = TestDatabase.create();
        this.bot = mattermost.control().createBot("teams-bridge", "Microsoft Teams", "system_user system_admin");
        this.encryptionKey = newKey();
        this.port = freePort();
    }

    /**
     * Checks every request against Mattermost's OpenAPI subset from {@code ../shared}; where that is
     * absent the check is skipped with a one-line reason, except in CI, where it must run.
     */
    private static MattermostEmulatorOptions mattermostOptions() {
        MattermostEmulatorOptions options = MattermostEmulatorOptions.defaults();
        if (options.contract().isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must check requests against Mattermost's OpenAPI subset, but "
                        + "../shared/contracts/mattermost/ was not found (system property teamsbridge.shared.dir).");
            }
            if (!CONTRACT_SKIP_SAID.getAndSet(true)) {
                System.err.println("Mattermost contract checks skipped: ../shared/contracts/mattermost/ is not present.");
            }
        }
        return options;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean CONTRACT_SKIP_SAID =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts emulators and a bridge with the given extra settings (e.g. {@code connections.max-users}). */
    public static BridgeHarness start(Map<String, String> extraProperties) {
        return start(extraProperties, true);
    }

    /** Emulators and a database on the real clock, for a bridge the test runs as its own process. */
    public static BridgeHarness withoutBridge(Map<String, String> extraProperties) {
        return new BridgeHarness(extraProperties, false);
    }

    /**
     * As {@link #withoutBridge(Map)}, with Mattermost on a clock the test can make jump ahead (so time
     * windows Mattermost keeps, such as pending_post_id's, pass without waiting for them).
     */
    public static BridgeHarness withoutBridge(Map<String, String> extraProperties, JumpingClock mattermostClock) {
        return new BridgeHarness(extraProperties, false, java.time.Duration.ZERO, java.time.Duration.ZERO, mattermostClock);
    }

    /**
     * Starts emulators and a bridge.
     *
     * @param movableClock true for a clock that moves only when the test says (and so never makes
     *     a retry due by itself); false for the real clock, for tests of retries and restarts
     */
    public static BridgeHarness start(Map<String, String> extraProperties, boolean movableClock) {
        BridgeHarness harness = new BridgeHarness(extraProperties, movableClock);
        try {
            harness.startBridge();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    /**
     * A bridge on the movable clock whose Microsoft and Mattermost run ahead (positive) or behind
     * (negative) by the given skews, as servers whose clocks disagree.
     */
    public static BridgeHarness startWithSkew(Map<String, String> extraProperties, java.time.Duration microsoftSkew,
            java.time.Duration mattermostSkew) {
        BridgeHarness harness = new BridgeHarness(extraProperties, true, microsoftSkew, mattermostSkew);
        try {
            harness.startBridge();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    public static BridgeHarness start() {
        return start(Map.of());
    }

    public Map<String, String> bridgeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(port));
        p.put("server.address", "127.0.0.1");
        p.put("bridge.public-url", bridgeUrl().toString());
        p.put("bridge.encryption-key", encryptionKey);
        if (previousEncryptionKey != null) {
            p.put("bridge.previous-encryption-keys", previousEncryptionKey);
        }
        p.put("mattermost.url", mattermost.baseUrl().toString());
        p.put("mattermost.bot-token", bot.token());
        p.put("microsoft.tenant-id", microsoft.tenantId());
        p.put("microsoft.client-id", microsoft.clientId());
        p.put("microsoft.client-secret", microsoft.clientSecret());
        p.put("microsoft.authority-url", microsoft.baseUrl().toString());
        p.put("microsoft.graph-url", microsoft.graphUrl().toString());
        // Tests change presence between messages and expect the next message to see it.
        p.put("notifications.presence-cache-ttl", "0s");
        // The doctor's checks at start call Mattermost and Graph; tests count those calls. DoctorIT turns them on.
        p.put("bridge.check-at-start", "false");
        p.putAll(database.properties());
        p.putAll(extra);
        return p;
    }

    public void startBridge() {
        SpringApplication app = new SpringApplication(BridgeApplication.class);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", bridgeClock));
        app.addListeners(org.springframework.context.ApplicationListener.forPayload((io.teamsbridge.notify.NotificationDecision d) -> {
            if (d.kind() == io.teamsbridge.notify.NotificationDecision.Kind.CONCERNS_NOBODY) {
                leftOutOfInbox.add(d.chatId() + ' ' + d.messageId());
            }
        }));
        // Command-line arguments outrank application.yml, as an administrator's settings would.
        bridge = app.run(bridgeProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** For the next start: this setting (as an administrator changes one before restarting). */
    public void setting(String key, String value) {
        extra.put(key, value);
    }

    /** For the next start: a new encryption key, the current one kept as a previous key. */
    public void rotateEncryptionKey() {
        previousEncryptionKey = encryptionKey;
        encryptionKey = newKey();
    }

    /** For the next start: only the current key. */
    public void forgetPreviousEncryptionKeys() {
        previousEncryptionKey = null;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public void stopBridge() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
    }

    public URI bridgeUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public ConfigurableApplicationContext context() {
        return bridge;
    }

    /**
     * Makes sure the slash command is registered in teams created since the last sync: a pass of
     * the in-process bridge, or a wait for the periodic pass of a bridge running as a process.
     */
    public void syncCommands(String teamId) {
        if (bridge != null) {
            bridge.getBean("commandSyncJob", io.teamsbridge.ops.PeriodicJob.class).runNow();
            return;
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                mattermost.control().commands(teamId).stream().anyMatch(c -> "msteams".equals(c.path("trigger").asString())));
    }

    /** Whether the bridge acknowledged this new message without storing it (nobody connected is in its chat). */
    public boolean leftOutOfInbox(String chatId, String messageId) {
        return leftOutOfInbox.contains(chatId + ' ' + messageId);
    }

    public <T> T bean(Class<T> type) {
        return bridge.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return bridge.getBean(name, type);
    }

    /** The movable clock (only meaningful when the harness was started with one). */
    public MutableClock clock() {
        if (bridgeClock != clock) {
            throw new IllegalStateException("This harness runs on the real clock.");
        }
        return clock;
    }

    public MicrosoftEmulator microsoft() {
        return microsoft;
    }

    public MattermostEmulator mattermost() {
        return mattermost;
    }

    public MicrosoftControlClient teams() {
        return microsoft.control();
    }

    public MattermostControlClient chat() {
        return mattermost.control();
    }

    public MattermostControlClient.Bot bot() {
        return bot;
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        stopBridge();
        mattermost.close();
        microsoft.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
