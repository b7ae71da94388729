package io.teamsbridge.bench;

import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.mattermost.MattermostEmulator;
import io.teamsbridge.emulators.mattermost.MattermostEmulatorOptions;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulator;
import io.teamsbridge.emulators.microsoft.MicrosoftEmulatorOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * One benchmark invocation: both emulators in this JVM, the bridge in its own process behind a
 * {@link TimingProxy}, a world of connected people, then one or more measured sending windows.
 */
final class LoadRun implements AutoCloseable {
    private final BenchOptions options;
    private final MicrosoftEmulator microsoft;
    private final MattermostEmulator mattermost;
    private final BenchDatabase database;
    private final TimingProxy proxy;
    private final Map<String, String> settings;
    private final URI direct;
    private final Path log;
    private BridgeProcess bridge;
    /** Set by {@link #restartBridge()} for the window that follows it. */
    private double startSeconds = Double.NaN;
    private final BenchWorld world;
    private final Traffic traffic;
    private final DeliveryCheck checks;
    /** Connected people whose posts are checked though no route names them (presence changes). */
    private final List<String> extraRecipients = new ArrayList<>();
    private RealisticWorld realistic;
    /** The bot's post count once a warm-up sent without waiting is delivered; -1 when none is owed. */
    private long owedPosts = -1;

    LoadRun(BenchOptions options) throws Exception {
        this.options = options;
        this.microsoft = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults());
        // No OpenAPI check of every request: it would cost the shared CPU the bridge is measured on.
        this.mattermost = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract());
        MattermostControlClient chat = mattermost.control();
        MattermostControlClient.Bot bot = chat.createBot("teams-bridge", "Microsoft Teams", "system_user system_admin");
        String teamId = chat.createTeam("bench");
        this.database = BenchDatabase.start(options.db());
        int port = freePort();
        this.direct = URI.create("http://127.0.0.1:" + port);
        this.proxy = TimingProxy.start(direct);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.settings = new LinkedHashMap<>();
        settings.put("server.port", String.valueOf(port));
        settings.put("server.address", "127.0.0.1");
        settings.put("bridge.public-url", proxy.url().toString());
        settings.put("bridge.encryption-key", Base64.getEncoder().encodeToString(key));
        settings.put("mattermost.url", mattermost.baseUrl().toString());
        settings.put("mattermost.bot-token", bot.token());
        settings.put("microsoft.tenant-id", microsoft.tenantId());
        settings.put("microsoft.client-id", microsoft.clientId());
        settings.put("microsoft.client-secret", microsoft.clientSecret());
        settings.put("microsoft.authority-url", microsoft.baseUrl().toString());
        settings.put("microsoft.graph-url", microsoft.graphUrl().toString());
        settings.putAll(database.properties());
        settings.putAll(options.bridgeSettings());
        this.log = Path.of(options.outputDir(), "bridge-" + options.db() + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        say("Starting the bridge (" + options.bridgeJar() + ", JVM flags " + options.jvmFlags() + ", log " + log + ")");
        this.bridge = BridgeProcess.start(Path.of(options.bridgeJar()), options.jvmFlags(), settings, direct, log);
        this.world = new BenchWorld(microsoft.control(), chat, teamId);
        this.traffic = new Traffic(options.sendOverHttp() ? microsoft.control()::postMessage : microsoft::postMessage);
        this.checks = new DeliveryCheck(mattermost.control(), traffic);
        try {
            awaitCommand(chat, teamId);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** The people and chats of the scenario; returns the routes messages take. */
    List<Traffic.Route> buildAllEligible(int users) throws Exception {
        long start = System.nanoTime();
        List<BenchWorld.Person> recipients = world.connectedPeople("r", users, 4);
        MicrosoftControlClient teams = microsoft.control();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Traffic.Route>> routes = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                BenchWorld.Person recipient = recipients.get(i);
                String senderName = "sender" + i;
                routes.add(pool.submit(() -> {
                    String sender = world.teamsOnly(senderName);
                    teams.setPresence(recipient.teamsUserId(), "Away", "Away");
                    String chatId = teams.createChat("oneOnOne", null, List.of(sender, recipient.teamsUserId()));
                    return Traffic.Route.oneRecipient(chatId, sender, recipient.mattermostUserId());
                }));
            }
            List<Traffic.Route> out = new ArrayList<>();
            for (Future<Traffic.Route> f : routes) {
                out.add(f.get());
            }
            awaitSubscriptions(perUserMode() ? users : 1);
            say(String.format("World built: %d connected recipients, each away, each in a 1:1 chat with its own sender (%.1f s)",
                    users, (System.nanoTime() - start) / 1e9));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The realistic tenant (see {@link RealisticWorld}); its presence changer stops with the run. */
    List<Traffic.Route> buildRealistic(int users) throws Exception {
        long start = System.nanoTime();
        realistic = new RealisticWorld(world, microsoft.control(), users, options.nobodyAway());
        extraRecipients.addAll(realistic.changingMattermostIds());
        awaitSubscriptions(perUserMode() ? realistic.connectedCount() : 1);
        List<Traffic.Route> routes = realistic.routes();
        say(String.format("World built: %d Teams users, %d connected, %d chats, %.1f expected notifications per message"
                + " (%.1f s)", users, realistic.connectedCount(), routes.size(),
                routes.stream().mapToInt(r -> r.expected().size()).average().orElse(0), (System.nanoTime() - start) / 1e9));
        return routes;
    }

    /**
     * Stops the bridge and starts a new process on the same database and port: a cold JVM, which the
     * next window meets from its first second.
     */
    void restartBridge() throws Exception {
        say("Stopping the bridge for a cold start");
        bridge.close();
        long launched = System.nanoTime();
        bridge = BridgeProcess.start(Path.of(options.bridgeJar()), options.jvmFlags(), settings, direct, log);
        startSeconds = (System.nanoTime() - launched) / 1e9;
        say(String.format("The new bridge answered its health check %.1f s after launch", startSeconds));
    }

    /**
     * Sends at {@code rate} for {@code seconds} and returns as the last message is sent, without
     * waiting for delivery: the measured window follows with no pause, so the bridge goes from the
     * warm-up into the window as it would in a steady day. A pause to drain (the earlier way) left
     * it idle for seconds, and the JIT then dropped hot code it had to compile again inside the
     * window. The window's wait counts the posts the warm-up still owes.
     */
    void warmUpInto(List<Traffic.Route> routes, double rate, double seconds, Traffic.BodyMix bodies) throws Exception {
        long postsBefore = owedPosts >= 0 ? owedPosts : posts();
        Traffic.Window window = traffic.run(routes, rate, seconds, bodies);
        say(String.format("Sent %d messages (%d refused) in %.1f s; the window follows at once", window.sent(),
                window.failed(), window.seconds()));
        owedPosts = postsBefore + checks.expectedPairs(window);
    }

    /** Sends at {@code rate} for {@code seconds}, waits until delivered or stuck, and checks every pair. */
    Result measure(String scenario, List<Traffic.Route> routes, double rate, double seconds, Traffic.BodyMix bodies)
            throws Exception {
        long graphBefore = requests(microsoft.control().stats(), " /v1.0/");
        long notificationsBefore = microsoft.control().stats().path("notificationsSent").asLong();
        long mmBefore = requests(mattermost.control().stats(), " /api/v4/");
        // Posts a warm-up still owes arrive inside the window: the wait counts from what it will have made.
        long postsBefore = owedPosts >= 0 ? owedPosts : posts();
        owedPosts = -1;
        double cpuBefore = bridge.cpuSeconds();
        BridgeProcess.CpuSplit splitBefore = bridge.cpuSplit();
        double dbCpuBefore = database.serverCpuSeconds();
        long self = ProcessHandle.current().pid();
        double benchCpuBefore = BridgeProcess.cpuSeconds(self);
        long wallBefore = System.nanoTime();
        Latencies acks = proxy.startRecording();
        Traffic.Window window = traffic.run(routes, rate, seconds, bodies);
        say(String.format("Sent %d messages (%d refused) in %.1f s; waiting for delivery", window.sent(),
                window.failed(), window.seconds()));
        awaitPosts(postsBefore + checks.expectedPairs(window));
        awaitInboxDrained();
        double cpu = bridge.cpuSeconds() - cpuBefore;
        BridgeProcess.CpuSplit split = bridge.cpuSplit().minus(splitBefore);
        double dbCpu = database.serverCpuSeconds() - dbCpuBefore;
        double benchCpu = BridgeProcess.cpuSeconds(self) - benchCpuBefore;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        long graph = requests(microsoft.control().stats(), " /v1.0/") - graphBefore;
        // What Graph sent: one per message in the tenant mode, one per subscribed member in the per-user mode.
        long notifications = microsoft.control().stats().path("notificationsSent").asLong() - notificationsBefore;
        long mm = requests(mattermost.control().stats(), " /api/v4/") - mmBefore;
        DeliveryCheck.Found check = checks.of(routes, extraRecipients, window);
        say("The bridge's new messages since its start, by what it did with them: " + newMessageOutcomes());
        double h2Bytes = database.h2FileBytes();
        if (Double.isFinite(h2Bytes)) {
            say(String.format(java.util.Locale.ROOT, "H2 database files after the run: %.0f MB", h2Bytes / 1e6));
        }
        if (check.optional() > 0 || check.unexpected() > 0) {
            say(check.optional() + " notification(s) to people whose presence changes, " + check.unexpected()
                    + " to people who were available or never named");
        }
        Latencies.Summary ack = acks.summary();
        Latencies.Summary e2e = check.endToEnd().summary();
        long delivered = check.delivered();
        double perDelivered = delivered == 0 ? Double.NaN : 1.0 / delivered;
        double drain = Math.max(0, check.lastPostMillis() - window.startMillis()) / 1000.0;
        double started = startSeconds;
        startSeconds = Double.NaN;
        double afterStart = Double.isNaN(started) ? Double.NaN
                : check.postedBetween(window.startMillis() + 20_000, window.startMillis() + 30_000) / (10 * rate);
        return new Result(scenario, database.kind(), rate, window.sent() / window.seconds(),
                drain == 0 ? 0 : delivered / drain, ack.p50() / 1000.0, ack.p99() / 1000.0, ack.max() / 1000.0,
                ack.count(), proxy.failedPosts(), e2e.p50(), e2e.p99(), e2e.max(), check.expected(), delivered,
                check.expected() - delivered, check.duplicated(), check.unexpected(), check.optional(), graph * perDelivered,
                mm * perDelivered,
                graph, mm, bridge.peakRssMb(), cpu, benchCpu, wall, window.seconds(), drain, notifications, Double.NaN,
                afterStart, started, dbCpu, split);
    }

    /**
     * Waits until the bot has made at least this many posts and then none for 2 s (late duplicates
     * and optional posts land too), or nothing moved for 30 s, or 10 minutes.
     */
    private void awaitPosts(long target) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = posts();
            if (now >= target && now == last && System.nanoTime() - lastChange > 2_000_000_000L) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 30_000_000_000L) {
                say("No new post for 30 s; " + (target - now) + " notification(s) missing");
                return;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the bridge's inbox has nothing waiting ({@code teamsbridge_inbox_waiting} is 0), so
     * the window's CPU includes every notification processed, posted or not: where none is posted
     * ({@code --nobody-away}) the posts say nothing about when the work ended.
     */
    private void awaitInboxDrained() throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                String metrics = http.send(java.net.http.HttpRequest.newBuilder(direct.resolve("/actuator/prometheus")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                if (metrics.lines().anyMatch(l -> l.matches("teamsbridge_inbox_waiting[ {].*")
                        && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) == 0)) {
                    return;
                }
            } catch (java.io.IOException | NumberFormatException e) {
                // the bridge is busy or restarting: ask again
            }
            Thread.sleep(500);
        }
        say("The bridge's inbox still had notifications waiting after 600 s");
    }

    /**
     * The bridge's count of new messages by outcome ({@code teamsbridge_notifications_received_total},
     * {@code change_type="created"}): stored for the worker, settled as they arrived, or not stored.
     */
    private String newMessageOutcomes() {
        try {
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    direct.resolve("/actuator/prometheus")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                    "teamsbridge_notifications_received_total\\{(?=[^}]*change_type=\"created\")[^}]*outcome=\"([a-z_]+)\"[^}]*} (\\S+)");
            java.util.StringJoiner out = new java.util.StringJoiner(", ");
            metrics.lines().map(line::matcher).filter(java.util.regex.Matcher::matches)
                    .forEach(m -> out.add(m.group(1) + " " + (long) Double.parseDouble(m.group(2))));
            return out.length() == 0 ? "none counted" : out.toString();
        } catch (java.io.IOException | NumberFormatException e) {
            return "not read (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not read (interrupted)";
        }
    }

    private long posts() {
        return mattermost.control().stats().path("requests").path("POST /api/v4/posts").asLong(0);
    }

    private static long requests(JsonNode stats, String contains) {
        long total = 0;
        JsonNode requests = stats.path("requests");
        for (String key : requests.propertyNames()) {
            if (key.contains(contains)) {
                total += requests.path(key).asLong(0);
            }
        }
        return total;
    }

    /**
     * Waits until the bridge has this many subscriptions at Graph: one in the tenant mode, one per
     * connected user in the per-user mode (which the bridge creates at a bounded rate).
     */
    private void awaitSubscriptions(int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        int found = 0;
        while (System.nanoTime() < deadline) {
            found = 0;
            for (JsonNode s : microsoft.control().subscriptions()) {
                if (s.path("notificationUrl").asString().startsWith(proxy.url().toString())) {
                    found++;
                }
            }
            if (found >= wanted) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The bridge made " + found + " of " + wanted + " Graph subscriptions within 5 minutes");
    }

    private boolean perUserMode() {
        return "per-user".equals(options.bridgeSettings().get("microsoft.subscription.mode"));
    }

    private static void awaitCommand(MattermostControlClient chat, String teamId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (chat.commands(teamId).stream().anyMatch(c -> "msteams".equals(c.path("trigger").asString()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The bridge did not register /msteams within 60 s");
    }

    static void say(String line) {
        System.err.println("[bench] " + line);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (realistic != null) {
                realistic.close();
            }
            bridge.close();
        } finally {
            proxy.close();
            mattermost.close();
            microsoft.close();
            database.close();
        }
    }
}
