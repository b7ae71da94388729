package io.teamsbridge.sandbox;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The sandbox's command-line options.
 *
 * @param portBridge the bridge's port (0 = any free port)
 * @param readyFile where to write the addresses as JSON once everything runs
 * @param seed whether to create the demo world
 * @param dbUrl a JDBC URL instead of the temporary H2 database
 * @param settings bridge settings given as {@code --name=value}, in the order given; they win over
 *     the sandbox's own settings (see {@link #bridgeSettings})
 */
record SandboxOptions(int portBridge, int portMattermost, int portMicrosoft, Optional<Path> readyFile, boolean seed,
        Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword, Map<String, String> settings) {

    static final String USAGE = """
            Usage: java -jar teams-bridge-sandbox.jar [options] [--name=value ...]
              --port-bridge N       the bridge's port (default 8080; 0 = any free port)
              --port-mattermost N   the Mattermost emulator's port (default 8065; 0 = any)
              --port-microsoft N    the Microsoft emulator's port (default 8066; 0 = any)
              --ready-file PATH     write {bridge, mattermost, microsoft, ui} as JSON once ready
              --no-seed             start with an empty world
              --db-url URL          use this JDBC URL instead of a temporary H2 database
              --db-user NAME        its user name
              --db-password SECRET  its password
              --help                show this help
              --name=value          any other option is a bridge setting (see docs/configuration.md),
                                    e.g. --microsoft.subscription.mode=per-user; it wins over the
                                    sandbox's own choices, except the addresses and credentials that
                                    connect the bridge to the emulators, which cannot be changed""";

    /** The sandbox's own options that take a value, as {@code --name value} or {@code --name=value}. */
    private static final Set<String> WITH_VALUE = Set.of("--port-bridge", "--port-mattermost", "--port-microsoft",
            "--ready-file", "--db-url", "--db-user", "--db-password");

    /**
     * Bridge settings the sandbox wires itself and the user may not change, with why: each would
     * point the bridge away from the emulators, or make the printed addresses wrong.
     */
    private static final Map<ConfigurationPropertyName, String> WIRED = Map.ofEntries(
            wired("server.port", "use --port-bridge"),
            wired("server.address", "the sandbox serves on 127.0.0.1 only, like its emulators, since none of it asks for a password"),
            wired("bridge.public-url", "the emulators call the bridge at the address the sandbox prints"),
            wired("mattermost.url", "the bridge talks to the sandbox's Mattermost emulator"),
            wired("mattermost.bot-token", "the bridge talks to the sandbox's Mattermost emulator"),
            wired("microsoft.tenant-id", "the bridge signs in at the sandbox's Microsoft emulator"),
            wired("microsoft.client-id", "the bridge signs in at the sandbox's Microsoft emulator"),
            wired("microsoft.client-secret", "the bridge signs in at the sandbox's Microsoft emulator"),
            wired("microsoft.authority-url", "the bridge signs in at the sandbox's Microsoft emulator"),
            wired("microsoft.graph-url", "the bridge talks to the sandbox's Microsoft emulator"));

    /**
     * A name Spring can bind: dot-separated elements of letters, digits, '-' and '_' (relaxed
     * spellings such as {@code billingModel} included), each optionally indexed, e.g. {@code
     * connections.allow-list[0]} or {@code logging.level.[io.teamsbridge]}. Checked here because
     * Spring would silently drop the other characters and bind something else.
     */
    private static final Pattern SETTING_NAME;

    static {
        String index = "\\[[^\\[\\]]+\\]";
        String element = "(?:[A-Za-z0-9][A-Za-z0-9_-]*|" + index + ")(?:" + index + ")*";
        SETTING_NAME = Pattern.compile(element + "(?:\\." + element + ")*");
    }

    static SandboxOptions parse(String... args) {
        int bridge = 8080;
        int mattermost = 8065;
        int microsoft = 8066;
        Optional<Path> ready = Optional.empty();
        boolean seed = true;
        Optional<String> dbUrl = Optional.empty();
        Optional<String> dbUser = Optional.empty();
        Optional<String> dbPassword = Optional.empty();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String v = null;
            if (WITH_VALUE.contains(name)) {
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
                default -> {
                    if (!name.startsWith("--") || eq < 0) {
                        throw new IllegalArgumentException("Unknown option " + name
                                + " (a bridge setting is given as --name=value).\n" + USAGE);
                    }
                    String setting = setting(name.substring(2));
                    put(settings, setting, arg.substring(eq + 1));
                }
            }
        }
        return new SandboxOptions(bridge, mattermost, microsoft, ready, seed, dbUrl, dbUser, dbPassword,
                Collections.unmodifiableMap(settings));
    }

    /**
     * The settings the bridge starts with: the sandbox's own, then the user's over them. A user
     * setting replaces the sandbox's under any spelling Spring binds to the same property ({@code
     * commandSyncInterval} replaces {@code command-sync-interval}), so which one wins never depends
     * on Spring's order of lookup.
     */
    Map<String, String> bridgeSettings(Map<String, String> sandboxSettings) {
        Map<String, String> all = new LinkedHashMap<>(sandboxSettings);
        settings.forEach((name, value) -> put(all, name, value));
        return all;
    }

    /** Checks a setting name given as {@code --name=value} and returns it. */
    private static String setting(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An option --=value names no setting: a bridge setting is given as --name=value.\n"
                    + USAGE);
        }
        if (!SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--" + name + " is not a setting name: use letters, digits, '-' and '_',"
                    + " '.' between parts, and [key] for list and map entries.\n" + USAGE);
        }
        String why = WIRED.get(ConfigurationPropertyName.adapt(name, '.'));
        if (why != null) {
            // The value is not shown: some of these settings are secrets.
            throw new IllegalArgumentException("--" + name + " cannot be set in the sandbox: " + why + ".\n" + USAGE);
        }
        return name;
    }

    /** Puts a setting, first removing any other spelling of the same property (see {@link #bridgeSettings}). */
    private static void put(Map<String, String> settings, String name, String value) {
        ConfigurationPropertyName property = ConfigurationPropertyName.adapt(name, '.');
        settings.keySet().removeIf(other -> ConfigurationPropertyName.adapt(other, '.').equals(property));
        settings.put(name, value);
    }

    private static Map.Entry<ConfigurationPropertyName, String> wired(String name, String why) {
        return Map.entry(ConfigurationPropertyName.of(name), why);
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
