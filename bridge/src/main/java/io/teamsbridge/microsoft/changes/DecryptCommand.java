package io.teamsbridge.microsoft.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar teams-bridge.jar decrypt --key KEY.pem|KEY.p12 [--password-env NAME | --password-file FILE] [--cert CERT.pem] < notification.json}
 *
 * <p>For administrators debugging a captured notification: reads a notification collection, a
 * single notification or a bare {@code encryptedContent} object from standard input and prints the
 * decrypted resource JSON of each item, pretty-printed, in order. Exit 0 when every item with
 * encrypted content decrypted; 1 with one line per failing item; 2 on bad arguments or an
 * unusable key. Nothing it prints contains key material. A PKCS#12 password is never taken on the
 * command line, where {@code ps} and the shell's history would show it: it comes from an
 * environment variable, a file, or a prompt on the terminal.
 */
public final class DecryptCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT = """
            usage: java -jar teams-bridge.jar decrypt --key KEY.pem|KEY.p12 [--password-env NAME | --password-file FILE]
                                                      [--cert CERT.pem] < notification.json

              --key FILE            the private key: an unencrypted PKCS#8 PEM file, or a PKCS#12 file (.p12/.pfx)
              --password-env NAME   the PKCS#12 password is in environment variable NAME
              --password-file FILE  the PKCS#12 password is the first line of FILE
                                    (neither: asked for on the terminal, or empty when there is none)
              --cert FILE           with a PEM key, its certificate (PEM or base64 DER), to match notifications by
                                    thumbprint; without it the key is tried whatever certificate a notification names

            Standard input: a change notification collection ({"value":[…]}), one notification, or one
            encryptedContent object. Prints each decrypted resource as JSON, in order.
            """;
    /** Generous for a captured webhook body (Graph sends at most a few MB) but bounded. */
    private static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;
    private static final int MAX_KEY_FILE_BYTES = 1024 * 1024;

    private DecryptCommand() {}

    /** Where a password can come from other than the command line. */
    interface Secrets {
        @Nullable String environment(String name);

        /** The password typed at the terminal, or null when there is no terminal. */
        char @Nullable [] prompt(String question);

        Secrets SYSTEM = new Secrets() {
            @Override
            public @Nullable String environment(String name) {
                return System.getenv(name);
            }

            @Override
            public char @Nullable [] prompt(String question) {
                java.io.Console console = System.console();
                return console == null ? null : console.readPassword("%s", question);
            }
        };
    }

    public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Secrets.SYSTEM);
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Secrets secrets) {
        try {
            return runUnflushed(args, in, out, err, secrets);
        } finally {
            // The caller may System.exit right after; make sure everything reached the terminal.
            out.flush();
            err.flush();
        }
    }

    private static int runUnflushed(List<String> args, InputStream in, PrintStream out, PrintStream err, Secrets secrets) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("decrypt: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.help()) {
            out.print(USAGE_TEXT);
            return OK;
        }
        NotificationDecryptor decryptor;
        try {
            decryptor = new NotificationDecryptor(options.loadKeys(secrets));
        } catch (KeyMaterialException | IOException e) {
            err.println("decrypt: " + describe(e));
            return USAGE;
        }
        List<Item> items;
        try {
            items = readItems(in);
        } catch (MalformedNotificationException | IOException e) {
            err.println("decrypt: standard input: " + describe(e));
            return FAILED;
        }
        return decryptAll(items, decryptor, out, err);
    }

    private static int decryptAll(List<Item> items, NotificationDecryptor decryptor, PrintStream out, PrintStream err) {
        int decrypted = 0;
        int failed = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String label = "item " + (i + 1);
            if (item.content() == null) {
                err.println(label + ": no encryptedContent" + (item.lifecycleEvent() == null ? "" : " (lifecycle event "
                        + NotificationDecryptor.printable(item.lifecycleEvent()) + ")") + ", skipped");
                continue;
            }
            try {
                out.println(pretty(decryptor.decrypt(item.content()), label, err));
                decrypted++;
            } catch (DecryptionException e) {
                err.println(label + ": " + e.getMessage());
                failed++;
            }
        }
        if (decrypted + failed == 0) {
            err.println("decrypt: nothing to decrypt: no item has encryptedContent");
            return FAILED;
        }
        return failed == 0 ? OK : FAILED;
    }

    /** The items of whichever of the three accepted shapes standard input holds. */
    private static List<Item> readItems(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (body.length > MAX_INPUT_BYTES) {
            throw new MalformedNotificationException("larger than " + MAX_INPUT_BYTES / (1024 * 1024) + " MB");
        }
        JsonNode root = ChangeNotifications.readTree(body);
        List<Item> items = new ArrayList<>();
        if (root.isObject() && root.has("value")) {
            for (ChangeNotification n : ChangeNotifications.parse(body).value()) {
                items.add(new Item(n.encryptedContent(), n.lifecycleEvent()));
            }
        } else if (root.isObject() && root.has("encryptedContent")) {
            ChangeNotification n = ChangeNotifications.map(root, ChangeNotification.class);
            items.add(new Item(n.encryptedContent(), n.lifecycleEvent()));
        } else if (root.isObject() && root.has("dataKey")) {
            items.add(new Item(ChangeNotifications.map(root, EncryptedContent.class), null));
        } else {
            throw new MalformedNotificationException(
                    "neither a notification collection ({\"value\":[…]}), a notification (with encryptedContent) nor an encryptedContent object");
        }
        return items;
    }

    private static String pretty(byte[] plaintext, String label, PrintStream err) {
        try {
            return ChangeNotifications.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ChangeNotifications.JSON.readTree(plaintext));
        } catch (JacksonException e) {
            err.println(label + ": the decrypted resource is not JSON; printed as is");
            return new String(plaintext, StandardCharsets.UTF_8);
        }
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException missing ? "no such file: " + missing.getFile()
                : e instanceof IOException io ? "cannot read: " + io.getMessage()
                : e.getMessage();
    }

    private record Item(@Nullable EncryptedContent content, @Nullable String lifecycleEvent) {}

    private record Options(boolean help, @Nullable Path key, @Nullable String passwordEnv, @Nullable Path passwordFile,
            @Nullable Path cert) {
        static Options parse(List<String> args) {
            Path key = null;
            Path cert = null;
            String passwordEnv = null;
            Path passwordFile = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (name.equals("-h") || name.equals("--help")) {
                    return new Options(true, null, null, null, null);
                }
                if (name.equals("--password")) {
                    throw new IllegalArgumentException("--password is not taken: ps and the shell's history would show it. "
                            + "Use --password-env NAME or --password-file FILE, or leave it out to be asked.");
                }
                if (!List.of("--key", "--password-env", "--password-file", "--cert").contains(name)) {
                    throw new IllegalArgumentException("unknown argument " + NotificationDecryptor.printable(arg));
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--key" -> key = once(key, Path.of(value), name);
                    case "--cert" -> cert = once(cert, Path.of(value), name);
                    case "--password-env" -> passwordEnv = once(passwordEnv, value, name);
                    default -> passwordFile = once(passwordFile, Path.of(value), name);
                }
            }
            if (key == null) {
                throw new IllegalArgumentException("--key is required");
            }
            if (passwordEnv != null && passwordFile != null) {
                throw new IllegalArgumentException("give --password-env or --password-file, not both");
            }
            return new Options(false, key, passwordEnv, passwordFile, cert);
        }

        private static <T> T once(@Nullable T previous, T value, String name) {
            if (previous != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
            return value;
        }

        DecryptionKeys loadKeys(Secrets secrets) throws IOException {
            byte[] keyFile = read(key);
            if (isPem(key, keyFile)) {
                if (passwordEnv != null || passwordFile != null) {
                    throw new KeyMaterialException("a password is for a PKCS#12 key; " + key + " is PEM (decrypt an encrypted PEM key with openssl first)");
                }
                String certText = cert == null ? null : new String(read(cert), StandardCharsets.US_ASCII);
                return DecryptionKeys.fromPem(new String(keyFile, StandardCharsets.US_ASCII), certText);
            }
            if (cert != null) {
                throw new KeyMaterialException("--cert is for a PEM key; a PKCS#12 file holds its own certificate");
            }
            return DecryptionKeys.fromPkcs12(keyFile, password(secrets));
        }

        private char[] password(Secrets secrets) throws IOException {
            if (passwordEnv != null) {
                String value = secrets.environment(passwordEnv);
                if (value == null) {
                    throw new KeyMaterialException("environment variable " + NotificationDecryptor.printable(passwordEnv) + " is not set");
                }
                return value.toCharArray();
            }
            if (passwordFile != null) {
                String first = new String(read(passwordFile), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return first.toCharArray();
            }
            char[] typed = secrets.prompt("Password for " + key.getFileName() + ": ");
            return typed == null ? new char[0] : typed;
        }

        private static boolean isPem(Path file, byte[] content) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return false;
            }
            return new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN ");
        }

        private static byte[] read(Path file) throws IOException {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new KeyMaterialException(file + " is larger than 1 MB: not a key or certificate file");
            }
            return Files.readAllBytes(file);
        }
    }
}
