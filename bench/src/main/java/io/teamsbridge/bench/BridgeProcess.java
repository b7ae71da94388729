package io.teamsbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bridge as an administrator runs it, {@code java [jvmFlags] -jar teams-bridge.jar --k=v...}, in its
 * own process; its peak RSS and CPU time are read from {@code /proc/<pid>}.
 */
final class BridgeProcess implements AutoCloseable {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux x86_64

    private final Process process;

    private BridgeProcess(Process process) {
        this.process = process;
    }

    static BridgeProcess start(Path jar, List<String> jvmFlags, Map<String, String> settings, URI directUrl, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -q -pl bench -am package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BridgeProcess bridge = new BridgeProcess(process);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bridge exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(directUrl.resolve("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return bridge;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                bridge.close();
                throw new IllegalStateException("The bridge did not become healthy within 120 s; see " + log);
            }
            Thread.sleep(250);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size (VmHWM) in MiB. */
    double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** User plus system CPU seconds used so far (utime + stime of /proc/<pid>/stat). */
    double cpuSeconds() throws IOException {
        return cpuSeconds(pid());
    }

    /** The same for any process, e.g. this one: the emulators, the senders and the proxy. */
    static double cpuSeconds(long pid) throws IOException {
        return cpuSecondsOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    /**
     * CPU seconds so far of the JVM's own threads, by what they do: the JIT compilers ("C1/C2
     * CompilerThre…", as Linux shortens the names) and the VM thread, where the serial collector runs.
     * A young JVM still compiles, so a window's CPU per notification is partly a warm-up cost; this
     * says how much. Also the whole process's system (kernel) time: sockets, file writes.
     */
    CpuSplit cpuSplit() throws IOException {
        double jit = 0;
        double vm = 0;
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended between the listing and the read
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += cpuSecondsOf(stat);
                } else if (name.equals("VM Thread")) {
                    vm += cpuSecondsOf(stat);
                }
            }
        }
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
        return new CpuSplit(jit, vm, ticks(stat, 12) / (double) CLOCK_TICKS_PER_SECOND);
    }

    /**
     * CPU seconds of the JIT compiler threads, of the VM thread (garbage collection, safepoints) and
     * in the kernel for the whole process.
     */
    record CpuSplit(double jit, double vm, double kernel) {
        CpuSplit minus(CpuSplit before) {
            return new CpuSplit(jit - before.jit, vm - before.vm, kernel - before.kernel);
        }
    }

    private static double cpuSecondsOf(String stat) {
        return (ticks(stat, 11) + ticks(stat, 12)) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Field {@code index} of a stat line counted after the command name: 11 is utime, 12 stime. */
    private static long ticks(String stat, int index) {
        // The command name in parentheses may hold spaces; the fields after it are space-separated.
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
