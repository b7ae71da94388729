package io.teamsbridge.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The main class of the sandbox and bench jars. It is compiled for Java 17, so that a machine whose
 * default {@code java} is older than the code's Java 21 still gets this far: on Java 21 or newer it
 * runs the jar's real main (named in {@value #DESCRIPTOR}); otherwise it starts the same jar again
 * with a JDK 21+ it finds ({@link JdkFinder}), passing on the arguments and the JVM options, and
 * exits as that run exits; when there is none it says so in one line.
 */
public final class Java21Launcher {
    static final String DESCRIPTOR = "teams-bridge-launch.properties";
    static final int REQUIRED = 21;
    /** Set for the run started again, so that a wrong JDK can never start runs in a loop. */
    static final String RELAUNCHED = "TEAMS_BRIDGE_RELAUNCHED";

    private Java21Launcher() {}

    public static void main(String[] args) throws Exception {
        int running = Runtime.version().feature();
        if (running >= REQUIRED) {
            runRealMain(args);
            return;
        }
        Optional<JdkFinder.Jdk> jdk = System.getenv(RELAUNCHED) == null
                ? new JdkFinder(System.getenv(), System.getProperty("user.home")).newest(REQUIRED)
                : Optional.empty();
        if (jdk.isEmpty()) {
            System.err.println("teams-bridge needs Java " + REQUIRED + " or newer, but this is Java " + running + " ("
                    + System.getProperty("java.home") + ") and no JDK " + REQUIRED + "+ was found in JAVA_HOME, "
                    + "JAVA<n>_HOME or the usual install locations; install one, or set JAVA_HOME to it.");
            System.exit(1);
        }
        System.exit(relaunch(jdk.get(), args));
    }

    private static void runRealMain(String[] args) throws Exception {
        Properties descriptor = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " is missing from the jar");
            }
            descriptor.load(in);
        }
        Class<?> main = Class.forName(descriptor.getProperty("main-class"), true, loader);
        try {
            main.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception exception ? exception : e;
        }
    }

    private static int relaunch(JdkFinder.Jdk jdk, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        String javaCommand = System.getProperty("sun.java.command", "");
        if (javaCommand.startsWith(classPath) && classPath.endsWith(".jar")) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(javaCommand.split(" ", 2)[0]);
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RELAUNCHED, jdk.home().toString());
        System.err.println("[teams-bridge] Java " + Runtime.version().feature() + " is too old; running with Java "
                + jdk.version() + " from " + jdk.home());
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process.waitFor();
    }
}
