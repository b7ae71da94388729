package io.teamsbridge.bench;

import io.teamsbridge.emulators.http.Json;
import io.teamsbridge.microsoft.changes.RsaUnwrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar teams-bridge-bench.jar [options]}: the load benchmark (see {@link BenchOptions}),
 * or with {@code --jmh} the JMH micro-benchmarks (the renderer, the decryptor, the store), or with
 * {@code --h2-soak} the store's writes on one H2 file for a long run ({@link
 * io.teamsbridge.bench.jmh.H2Soak}). Every load run first
 * times the RSA unwrap on the quiet machine ({@link RsaFloor}) and reports the bridge's CPU per
 * notification against it. {@code cold-start} builds the world, restarts the bridge and sends from
 * the new process's first second, without a warm-up.
 */
public final class BenchMain {
    /** The rates a ramp tries, in messages per second, until one is not sustained. */
    private static final double[] RAMP = {50, 100, 200, 300, 400, 600, 800, 1000, 1500, 2000};

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--h2-soak")) {
            io.teamsbridge.bench.jmh.H2Soak.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println(e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        double floorBefore = timeRsaUnwrap("before the run");
        double nativeUnwrapMs = timeNativeRsaUnwrap();
        List<Result> results = new ArrayList<>();
        Result headline;
        try (LoadRun run = new LoadRun(options)) {
            boolean realistic = options.scenario().equals("realistic");
            List<Traffic.Route> routes = realistic ? run.buildRealistic(options.users()) : run.buildAllEligible(options.users());
            Traffic.BodyMix bodies = realistic ? RealisticWorld::body
                    : (index, marker, route) -> Traffic.Body.html(Bodies.withMarker(index, marker));
            double warmRate = options.scenario().equals("burst") ? 100 : options.ramp() ? RAMP[0] : options.rate();
            boolean cold = options.scenario().equals("cold-start");
            if (options.warmup() > 0 && !cold) {
                LoadRun.say("Warm-up: " + warmRate + " msg/s for " + options.warmup() + " s (not reported)");
                if (options.steady()) {
                    run.warmUpInto(routes, warmRate, options.warmup(), bodies);
                } else {
                    run.measure("warm-up", routes, warmRate, options.warmup(), bodies);
                }
            }
            if (cold) {
                run.restartBridge();
                headline = run.measure("cold-start", routes, options.rate(), options.duration(), bodies);
                results.add(headline);
            } else if (options.scenario().equals("burst")) {
                headline = run.measure("burst", routes, options.burstMessages() / 10.0, 10, bodies);
                results.add(headline);
            } else if (options.ramp()) {
                headline = null;
                for (double rate : RAMP) {
                    LoadRun.say("Ramp step: " + rate + " msg/s for " + options.duration() + " s");
                    Result step = run.measure(options.scenario(), routes, rate, options.duration(), bodies);
                    results.add(step);
                    System.out.println(table(List.of(step.withRsaFloor(floorBefore))));
                    if (!sustained(step)) {
                        break;
                    }
                    headline = step;
                }
                if (headline == null) {
                    headline = results.getFirst();
                }
            } else {
                headline = run.measure(options.scenario(), routes, options.rate(), options.duration(), bodies);
                results.add(headline);
            }
        }
        // The cheaper of the two: the machine's noise (a neighbour, the JIT) only ever adds.
        double floorMs = Math.min(floorBefore, timeRsaUnwrap("after the run"));
        results.replaceAll(r -> r.withRsaFloor(floorMs));
        headline = headline.withRsaFloor(floorMs);
        System.out.println(table(results));
        Map<String, Object> json = new LinkedHashMap<>(headline.toJson());
        if (Double.isFinite(nativeUnwrapMs)) {
            System.out.printf("The bridge's own unwrap (native) cost %.3f ms of CPU; CPU per delivered ÷ that: %.2f%n",
                    nativeUnwrapMs, headline.cpuMsPerDelivered() / nativeUnwrapMs);
            json.put("rsaUnwrapNativeMs", Math.round(nativeUnwrapMs * 1000) / 1000.0);
        }
        json.put("users", options.users());
        json.put("bridgeJvmFlags", options.jvmFlags());
        json.put("sustainedCriterion", "delivered >= 95% of offered, achieved >= 95% of offered, nothing lost, "
                + "end-to-end p99 < 5 s");
        if (results.size() > 1) {
            json.put("steps", results.stream().map(Result::toJson).toList());
        }
        Path out = Path.of(options.outputDir(), "report.json");
        Files.createDirectories(out.getParent());
        Files.write(out, Json.write(json));
        LoadRun.say("Wrote " + out);
        // Emulator and HTTP client threads are not all daemons; the run is over.
        System.exit(0);
    }

    private static double timeRsaUnwrap(String when) throws java.security.GeneralSecurityException {
        double ms = RsaFloor.measureMs(RsaUnwrap.jdk(), 5, 5, 1);
        LoadRun.say(String.format("RSA-2048 unwrap %s, on the quiet machine: %.3f ms of CPU (the JDK's: the floor)", when, ms));
        return ms;
    }

    /** The native unwrap the bridge uses where it loads; NaN where it does not. */
    private static double timeNativeRsaUnwrap() throws java.security.GeneralSecurityException {
        var unwrap = RsaUnwrap.nativeIfLoaded();
        if (unwrap.isEmpty()) {
            LoadRun.say("The bridge unwraps with the JDK's RSA here: " + RsaUnwrap.whyNotNative().orElse(""));
            return Double.NaN;
        }
        double ms = RsaFloor.measureMs(unwrap.get(), 5, 3, 1);
        LoadRun.say(String.format("RSA-2048 unwrap as the bridge does it, %s: %.3f ms of CPU", unwrap.get().implementation(), ms));
        return ms;
    }

    /** A step is sustained when everything offered was sent and delivered in time, with nothing lost. */
    static boolean sustained(Result r) {
        return r.achievedPerSecond() >= 0.95 * r.offeredPerSecond()
                && r.deliveredPerSecond() >= 0.95 * r.offeredPerSecond()
                && r.lost() == 0 && r.e2eP99Ms() < 5000;
    }

    /** One column per result. */
    static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder("\n| figure |");
        results.forEach(r -> sb.append(' ').append(r.scenario()).append(" |"));
        sb.append("\n|---|");
        results.forEach(r -> sb.append("---:|"));
        for (String label : results.getFirst().rows().keySet()) {
            sb.append("\n| ").append(label).append(" |");
            results.forEach(r -> sb.append(' ').append(r.rows().get(label)).append(" |"));
        }
        return sb.append('\n').toString();
    }
}
