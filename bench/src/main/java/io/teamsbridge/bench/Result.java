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
 */
record Result(String scenario, String db, double offeredPerSecond, double achievedPerSecond,
        double deliveredPerSecond, double ackP50Ms, double ackP99Ms, double ackMaxMs, long ackPosts,
        long ackFailures, long e2eP50Ms, long e2eP99Ms, long e2eMaxMs, long expected, long delivered,
        long lost, long duplicated, long unexpected, long optional, double graphRequestsPerDelivered,
        double mattermostRequestsPerDelivered, long graphRequests, long mattermostRequests, double peakRssMb,
        double cpuSeconds, double benchCpuSeconds, double wallSeconds, double sendSeconds, double drainSeconds) {

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
        m.put("benchCpuSeconds", round(benchCpuSeconds));
        m.put("wallSeconds", round(wallSeconds));
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
        r.put("Graph requests per delivered", fmt3(graphRequestsPerDelivered) + " (" + graphRequests + ")");
        r.put("Mattermost requests per delivered", fmt3(mattermostRequestsPerDelivered) + " (" + mattermostRequests + ")");
        r.put("bridge peak RSS (MiB)", fmt(peakRssMb));
        r.put("bridge CPU seconds (window + wait)", fmt(cpuSeconds));
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

    private static String fmt3(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
