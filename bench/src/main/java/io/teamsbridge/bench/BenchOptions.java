package io.teamsbridge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line. Defaults: H2, all-eligible, 300 msg/s for 30 s after a 240 s warm-up (120 s for
 * {@code realistic}, 60 s for the other scenarios and the ramp). A younger JVM is still compiling:
 * after 10 s the bridge fell behind at 300/s, and after 60 s its JIT compiler still took 5–6 CPU
 * seconds of a 30 s window (about 0.6 ms per notification), against 1.3–1.8 s after 240 s ({@link
 * #STEADY_WARMUP_SECONDS}). In {@code realistic} at 2,000/s it took 3.0–4.0 s of the window after
 * 60 s and 1.9–2.4 s after 120 s ({@link #REALISTIC_WARMUP_SECONDS}).
 * Ramp steps of 60 s, 50 connected recipients (realistic: 10,000 Teams users), the bridge
 * jar the build makes, started with
 * the JVM flags README.md gives ({@link #README_JVM_FLAGS}; {@code --bridge-jvm-flag} adds to them),
 * messages written into the Microsoft emulator in-process.
 */
record BenchOptions(String db, String scenario, double rate, boolean ramp, double duration, double warmup, int users,
        int burstMessages, String bridgeJar, List<String> jvmFlags, String outputDir, boolean sendOverHttp,
        boolean nobodyAway, java.util.Map<String, String> bridgeSettings) {

    /** The JVM flags of the command README.md runs the bridge with; a test keeps the two in step. */
    static final List<String> README_JVM_FLAGS = List.of("-Xmx112m", "-XX:+UseSerialGC", "-XX:-TieredCompilation", "-XX:TrimNativeHeapInterval=5000");

    /** A ramp step shorter than this measures how a step starts, not what the bridge sustains. */
    static final double MIN_RAMP_STEP_SECONDS = 60;

    /** The warm-up after which the default run measures the steady state, JIT compiler included. */
    static final double STEADY_WARMUP_SECONDS = 240;

    /** The warm-up of {@code realistic} (at the run's rate; its documented runs use 2,000/s). */
    static final double REALISTIC_WARMUP_SECONDS = 120;

    static BenchOptions parse(String[] args) {
        String db = "h2";
        String scenario = "all-eligible";
        double rate = 300;
        boolean ramp = false;
        double duration = -1;
        double warmup = -1;
        int users = -1;
        int burst = 20_000;
        String jar = "bridge/target/teams-bridge.jar";
        List<String> flags = new ArrayList<>(README_JVM_FLAGS);
        String out = "bench/target";
        String send = "direct";
        boolean nobodyAway = false;
        java.util.Map<String, String> bridgeSettings = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--db" -> db = args[++i];
                case "--scenario" -> scenario = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--ramp" -> ramp = true;
                case "--duration" -> duration = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--messages" -> burst = Integer.parseInt(args[++i]);
                case "--bridge-jar" -> jar = args[++i];
                case "--bridge-jvm-flag" -> flags.add(args[++i]);
                case "--out" -> out = args[++i];
                case "--send" -> send = args[++i];
                case "--nobody-away" -> nobodyAway = true;
                case "--bridge-setting" -> {
                    String setting = args[++i];
                    int eq = setting.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--bridge-setting takes name=value, was " + setting);
                    }
                    bridgeSettings.put(setting.substring(0, eq), setting.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option " + a + "\n" + USAGE);
            }
        }
        if (!List.of("all-eligible", "burst", "realistic", "cold-start").contains(scenario)) {
            throw new IllegalArgumentException("--scenario must be all-eligible, burst, realistic or cold-start, was "
                    + scenario);
        }
        if (duration < 0) {
            duration = ramp ? MIN_RAMP_STEP_SECONDS : 30;
        }
        if (ramp && duration < MIN_RAMP_STEP_SECONDS) {
            throw new IllegalArgumentException("--duration of a ramp step must be at least " + (int) MIN_RAMP_STEP_SECONDS
                    + " s, was " + duration);
        }
        if (!List.of("direct", "http").contains(send)) {
            throw new IllegalArgumentException("--send must be direct or http, was " + send);
        }
        if (nobodyAway && !scenario.equals("realistic")) {
            throw new IllegalArgumentException("--nobody-away is an option of --scenario realistic");
        }
        if (warmup < 0) {
            warmup = steady(scenario, ramp) ? STEADY_WARMUP_SECONDS
                    : scenario.equals("realistic") && !ramp ? REALISTIC_WARMUP_SECONDS : 60;
        }
        if (users < 0) {
            users = scenario.equals("realistic") ? 10_000 : 50;
        }
        return new BenchOptions(db, scenario, rate, ramp, duration, warmup, users, burst, jar, List.copyOf(flags), out, send.equals("http"),
                nobodyAway, java.util.Map.copyOf(bridgeSettings));
    }

    static final String USAGE = """
            java -jar bench/target/teams-bridge-bench.jar [--db h2|postgres] [--scenario all-eligible|realistic|burst|cold-start]
                [--rate N | --ramp] [--duration S] [--warmup S] [--users N (realistic: Teams users)] [--messages N (burst)]
                [--bridge-jar PATH] [--bridge-jvm-flag FLAG]... [--out DIR] [--send direct|http]
                [--nobody-away (realistic: every connected user stays available, so no notification is delivered)]
                [--bridge-setting name=value]... (e.g. microsoft.subscription.mode=per-user)
            java -jar bench/target/teams-bridge-bench.jar --jmh [JMH options, e.g. -f 1 -wi 3 -i 5]
            java -Xmx112m -XX:+UseSerialGC -jar bench/target/teams-bridge-bench.jar --h2-soak [notifications] [--rate N] [--no-compaction]
            """;

    /**
     * Whether this is the steady run: {@code all-eligible} at one rate. It warms up longest and goes
     * from its warm-up into the window without a pause (after an idle pause the JIT recompiles hot
     * code inside the window). The others start from a drained bridge: {@code realistic} at 2,000/s
     * is at this machine's capacity, and a backlog left by the warm-up would be measured as the window's.
     */
    boolean steady() {
        return steady(scenario, ramp);
    }

    private static boolean steady(String scenario, boolean ramp) {
        return scenario.equals("all-eligible") && !ramp;
    }
}
