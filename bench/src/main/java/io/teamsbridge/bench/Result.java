package io.teamsbridge.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one measured window, named as in {@code report.json} (issue 5's keys first).
 *
 * @param offeredPerSecond the rate messages were scheduled at
 * @param achievedPerSecond messages the Microsoft emulator accepted, per second of the sending window
 * @param deliveredPerSecond expected (message, recipient) pairs found, per second from the first send
 *     to the last of them posted
 * @param unexpected posts to someone who must not have been notified (available, or not a member)
 * @param optional posts to people whose presence changes during the run (realistic), not checked
 * @param cpuSeconds the bridge's CPU over the window and the wait for its posts
 * @param benchCpuSeconds this JVM's CPU over the same time: both emulators, the senders, the proxy
 * @param wallSeconds how long that time was
 * @param received change notifications Graph sent (the emulator's count): one per message in the tenant
 *     mode, one per subscribed member of its chat in the per-user mode
 * @param rsaFloorMs the CPU milliseconds of one RSA-2048 key unwrap, measured by this run ({@link RsaFloor})
 * @param rateAfterStart cold start only: posts made 20 to 30 s after the bridge was up, as a share of
 *     what was offered in those 10 s (NaN otherwise)
 * @param startSeconds cold start only: from launching the bridge to its health answering (NaN otherwise)
 * @param dbCpuSeconds the PostgreSQL server's CPU over the window and the wait (NaN on H2, which is in the bridge)
 * @param cpuSplit parts of {@code cpuSeconds}: the JIT compiler threads' (a warm-up cost that shrinks as
 *     the JVM ages), the VM thread's (the serial collector, safepoints), the kernel's (system time)
 */
record Result(String scenario, String db, double offeredPerSecond, double achievedPerSecond,
        double deliveredPerSecond, double ackP50Ms, double ackP99Ms, double ackMaxMs, long ackPosts,
        long ackFailures, long e2eP50Ms, long e2eP99Ms, long e2eMaxMs, long expected, long delivered,
        long lost, long duplicated, long unexpected, long optional, double graphRequestsPerDelivered,
        double mattermostRequestsPerDelivered, long graphRequests, long mattermostRequests, double peakRssMb,
        double cpuSeconds, double benchCpuSeconds, double wallSeconds, double sendSeconds, double drainSeconds,
        long received, double rsaFloorMs, double rateAfterStart, double startSeconds, double dbCpuSeconds,
        BridgeProcess.CpuSplit cpuSplit) {

    /** The bridge's CPU milliseconds per expected notification delivered. */
    double cpuMsPerDelivered() {
        return delivered == 0 ? Double.NaN : cpuSeconds * 1000 / delivered;
    }

    /**
     * The bridge's CPU milliseconds per notification received, delivered or not. In {@code realistic}
     * most need no delivery, so this is an upper bound of what one of those costs.
     */
    double cpuMsPerReceived() {
        return received == 0 ? Double.NaN : cpuSeconds * 1000 / received;
    }

    /** CPU per delivered notification in units of the RSA floor: 1 would be nothing but the unwrap. */
    double floorRatio() {
        return cpuMsPerDelivered() / rsaFloorMs;
    }

    Result withRsaFloor(double ms) {
        return new Result(scenario, db, offeredPerSecond, achievedPerSecond, deliveredPerSecond, ackP50Ms, ackP99Ms, ackMaxMs,
                ackPosts, ackFailures, e2eP50Ms, e2eP99Ms, e2eMaxMs, expected, delivered, lost, duplicated, unexpected, optional,
                graphRequestsPerDelivered, mattermostRequestsPerDelivered, graphRequests, mattermostRequests, peakRssMb,
                cpuSeconds, benchCpuSeconds, wallSeconds, sendSeconds, drainSeconds, received, ms, rateAfterStart, startSeconds,
                dbCpuSeconds, cpuSplit);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario);
        m.put("db", db);
        m.put("offeredPerSecond", round(offeredPerSecond));
        m.put("achievedPerSecond", round(achievedPerSecond));
        m.put("deliveredPerSecond", round(deliveredPerSecond));
        m.put("ackP50Ms", round(ackP50Ms));
        m.put("ackP99Ms", round(ackP99Ms));
        m.put("ackMaxMs", round(ackMaxMs));
        m.put("e2eP50Ms", e2eP50Ms);
        m.put("e2eP99Ms", e2eP99Ms);
        m.put("e2eMaxMs", e2eMaxMs);
        m.put("lost", lost);
        m.put("duplicated", duplicated);
        m.put("graphRequestsPerDelivered", round(graphRequestsPerDelivered));
        m.put("mattermostRequestsPerDelivered", round(mattermostRequestsPerDelivered));
        m.put("peakRssMb", round(peakRssMb));
        m.put("cpuSeconds", round(cpuSeconds));
        m.put("cpuMsPerDelivered", round(cpuMsPerDelivered()));
        m.put("cpuMsPerReceived", round(cpuMsPerReceived()));
        m.put("jitCpuSeconds", round(cpuSplit.jit()));
        m.put("vmThreadCpuSeconds", round(cpuSplit.vm()));
        m.put("kernelCpuSeconds", round(cpuSplit.kernel()));
        m.put("rsaFloorMs", round(rsaFloorMs));
        m.put("cpuPerDeliveredOverRsaFloor", round(floorRatio()));
        if (Double.isFinite(dbCpuSeconds)) {
            m.put("dbCpuSeconds", round(dbCpuSeconds));
        }
        if (Double.isFinite(startSeconds)) {
            m.put("startSeconds", round(startSeconds));
            m.put("rateAfterStart20To30s", round(rateAfterStart));
        }
        m.put("benchCpuSeconds", round(benchCpuSeconds));
        m.put("wallSeconds", round(wallSeconds));
        m.put("received", received);
        m.put("expected", expected);
        m.put("delivered", delivered);
        m.put("unexpected", unexpected);
        m.put("optional", optional);
        m.put("ackPosts", ackPosts);
        m.put("ackFailures", ackFailures);
        m.put("graphRequests", graphRequests);
        m.put("mattermostRequests", mattermostRequests);
        m.put("sendSeconds", round(sendSeconds));
        m.put("drainSeconds", round(drainSeconds));
        return m;
    }

    /** Rows of the Markdown table: label and value, in the order people read them. */
    Map<String, String> rows() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("scenario / db", scenario + " / " + db);
        r.put("offered msg/s", fmt(offeredPerSecond));
        r.put("achieved msg/s", fmt(achievedPerSecond));
        r.put("delivered notifications/s", fmt(deliveredPerSecond));
        r.put("webhook ack p50 / p99 / max (ms)", fmt(ackP50Ms) + " / " + fmt(ackP99Ms) + " / " + fmt(ackMaxMs));
        r.put("webhook POSTs (non-2xx)", ackPosts + " (" + ackFailures + ")");
        r.put("end-to-end p50 / p99 / max (ms)", e2eP50Ms + " / " + e2eP99Ms + " / " + e2eMaxMs);
        r.put("expected / delivered", expected + " / " + delivered);
        r.put("lost / duplicated / unexpected", lost + " / " + duplicated + " / " + unexpected);
        r.put("posts to people whose presence changes (unchecked)", String.valueOf(optional));
        r.put("change notifications received (per delivered)", received + " (" + fmt3(delivered == 0 ? Double.NaN
                : received / (double) delivered) + ")");
        r.put("Graph requests per delivered", fmt3(graphRequestsPerDelivered) + " (" + graphRequests + ")");
        r.put("Mattermost requests per delivered", fmt3(mattermostRequestsPerDelivered) + " (" + mattermostRequests + ")");
        r.put("bridge peak RSS (MiB)", fmt(peakRssMb));
        r.put("bridge CPU seconds (window + wait)", fmt(cpuSeconds));
        r.put("bridge CPU ms per delivered / per received", fmt2(cpuMsPerDelivered()) + " / " + fmt2(cpuMsPerReceived()));
        r.put("of the bridge CPU: JIT compiler / VM thread (GC) / kernel seconds", fmt(cpuSplit.jit()) + " / "
                + fmt(cpuSplit.vm()) + " / " + fmt(cpuSplit.kernel()));
        r.put("RSA-2048 unwrap, CPU ms (the floor)", fmt2(rsaFloorMs));
        r.put("CPU per delivered ÷ floor", fmt2(floorRatio()));
        if (Double.isFinite(startSeconds)) {
            r.put("cold start: launch to healthy (s)", fmt(startSeconds));
            r.put("cold start: delivered 20-30 s after start, % of offered", fmt(100 * rateAfterStart));
        }
        if (Double.isFinite(dbCpuSeconds)) {
            r.put("PostgreSQL server CPU seconds / ms per delivered", fmt(dbCpuSeconds) + " / "
                    + fmt2(delivered == 0 ? Double.NaN : dbCpuSeconds * 1000 / delivered));
        }
        r.put("bench JVM CPU seconds (emulators, senders, proxy) / wall seconds", fmt(benchCpuSeconds) + " / "
                + fmt(wallSeconds));
        r.put("send window / drain (s)", fmt(sendSeconds) + " / " + fmt(drainSeconds));
        return r;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : 0;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String fmt2(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String fmt3(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
