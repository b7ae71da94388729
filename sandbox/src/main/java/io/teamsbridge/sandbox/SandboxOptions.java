package io.teamsbridge.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox's command-line options.
 *
 * @param portBridge the bridge's port (0 = any free port)
 * @param readyFile where to write the addresses as JSON once everything runs
 * @param seed whether to create the demo world
 * @param dbUrl a JDBC URL instead of the temporary H2 database
 */
record SandboxOptions(int portBridge, int portMattermost, int portMicrosoft, Optional<Path> readyFile, boolean seed,
        Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword) {

    static final String USAGE = """
            Usage: java -jar teams-bridge-sandbox.jar [options]
              --port-bridge N       the bridge's port (default 8080; 0 = any free port)
              --port-mattermost N   the Mattermost emulator's port (default 8065; 0 = any)
              --port-microsoft N    the Microsoft emulator's port (default 8066; 0 = any)
              --ready-file PATH     write {bridge, mattermost, microsoft, ui} as JSON once ready
              --no-seed             start with an empty world
              --db-url URL          use this JDBC URL instead of a temporary H2 database
              --db-user NAME        its user name
              --db-password SECRET  its password
              --help                show this help""";

    static SandboxOptions parse(String... args) {
        int bridge = 8080;
        int mattermost = 8065;
        int microsoft = 8066;
        Optional<Path> ready = Optional.empty();
        boolean seed = true;
        Optional<String> dbUrl = Optional.empty();
        Optional<String> dbUser = Optional.empty();
        Optional<String> dbPassword = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String v = null;
            if (!name.equals("--no-seed") && !name.equals("--help")) {
                if (eq >= 0) {
                    v = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    v = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value.\n" + USAGE);
                }
            }
            switch (name) {
                case "--port-bridge" -> bridge = port(name, v);
                case "--port-mattermost" -> mattermost = port(name, v);
                case "--port-microsoft" -> microsoft = port(name, v);
                case "--ready-file" -> ready = Optional.of(Path.of(v));
                case "--no-seed" -> seed = false;
                case "--db-url" -> dbUrl = Optional.of(v);
                case "--db-user" -> dbUser = Optional.of(v);
                case "--db-password" -> dbPassword = Optional.of(v);
                case "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + name + ".\n" + USAGE);
            }
        }
        return new SandboxOptions(bridge, mattermost, microsoft, ready, seed, dbUrl, dbUser, dbPassword);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + value + "'.");
        }
    }
}
