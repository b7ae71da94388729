package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecryptCommandTest {
    @TempDir
    Path temp;

    @Test
    void decryptsTheSharedVectorWithAPemKey() {
        Result r = run(SharedVectors.bytes("encrypted-content.json"), "--key", key());

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("\"etag\" : \"" + SharedVectors.ETAG + "\"").contains("Hello World");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void decryptsTheSharedVectorWithAPkcs12KeyAndWithAPemKeyPlusCertificate() {
        Result p12 = run(SharedVectors.bytes("encrypted-content.json"), "--key", p12(), "--password-env", "P12_PASSWORD");
        Result pemAndCert = run(SharedVectors.bytes("encrypted-content.json"),
                "--key=" + key(), "--cert=" + SharedVectors.file("test-cert.public.pem"));

        assertThat(p12.exit()).as(p12.err()).isEqualTo(0);
        assertThat(p12.out()).contains(SharedVectors.ETAG);
        assertThat(pemAndCert.exit()).as(pemAndCert.err()).isEqualTo(0);
        assertThat(pemAndCert.out()).isEqualTo(p12.out());
    }

    @Test
    void rejectsTheTamperedVector() {
        Result r = run(SharedVectors.bytes("encrypted-content-tampered.json"), "--key", key());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("item 1: the data signature does not match: the notification was altered or encrypted for another key");
    }

    @Test
    void decryptsEachItemOfACollectionInOrderAndNamesTheOnesThatFail() {
        String good = SharedVectors.text("encrypted-content.json");
        String bad = SharedVectors.text("encrypted-content-tampered.json");
        String body = "{\"value\":[{\"encryptedContent\":" + good + "},"
                + "{\"lifecycleEvent\":\"reauthorizationRequired\"},"
                + "{\"encryptedContent\":" + bad + "},"
                + ChangeNotifications.readTree(SharedVectors.bytes("synthetic-chat-notification.json")).path("value").get(0)
                + "]}";

        Result r = run(body.getBytes(StandardCharsets.UTF_8), "--key", key());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsSubsequence(SharedVectors.ETAG, "1612289992105");
        assertThat(r.err()).contains("item 2: no encryptedContent (lifecycle event 'reauthorizationRequired'), skipped")
                .contains("item 3: the data signature does not match");
    }

    @Test
    void readsASingleNotificationAndAWholeCollection() {
        Result collection = run(SharedVectors.bytes("synthetic-chat-notification.json"), "--key", key());

        assertThat(collection.exit()).as(collection.err()).isEqualTo(0);
        assertThat(collection.out()).contains("\"chatId\" : \"19:8ea0e38b");
    }

    @Test
    void badArgumentsExitWithUsage() {
        for (List<String> args : List.of(List.<String>of(), List.of("--key"), List.of("--key", "a", "--key", "b"), List.of("--verbose"), List.of("extra"))) {
            Result r = run(new byte[0], args.toArray(String[]::new));
            assertThat(r.exit()).as("%s", args).isEqualTo(2);
            assertThat(r.err()).as("%s", args).startsWith("decrypt: ").contains("usage: java -jar teams-bridge.jar decrypt");
        }
        assertThat(run(new byte[0], "--help").exit()).isZero();
    }

    @Test
    void unreadableKeysExitWith2() {
        assertThat(run(new byte[0], "--key", temp.resolve("missing.pem").toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("no such file"));
        assertThat(run(new byte[0], "--key", p12(), "--password-env", "WRONG_PASSWORD"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("wrong password"));
        assertThat(run(new byte[0], "--key", SharedVectors.file("test-cert.public.pem").toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("no PRIVATE KEY block"));
    }

    @Test
    void inputThatIsNotANotificationExitsWith1() {
        assertThat(run("not json".getBytes(StandardCharsets.UTF_8), "--key", key()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(1))
                .satisfies(r -> assertThat(r.err()).contains("standard input: the body is not valid JSON"));
        assertThat(run("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "--key", key()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(1))
                .satisfies(r -> assertThat(r.err()).contains("neither a notification collection"));
        assertThat(run("{\"value\":[{\"lifecycleEvent\":\"missed\"}]}".getBytes(StandardCharsets.UTF_8), "--key", key()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(1))
                .satisfies(r -> assertThat(r.err()).contains("nothing to decrypt"));
    }

    @Test
    void neverPrintsKeyMaterial() throws Exception {
        List<String> secretLines = Files.readAllLines(SharedVectors.file("test-key.private.pkcs8.pem")).stream()
                .filter(l -> !l.startsWith("-----")).toList();
        String symmetricKeyHex = SharedVectors.text("symmetric-key.hex").strip();
        List<Result> results = List.of(
                run(SharedVectors.bytes("encrypted-content.json"), "--key", key()),
                run(SharedVectors.bytes("encrypted-content-tampered.json"), "--key", key()),
                run(new byte[0], "--key", key(), "--password-env", "WRONG_PASSWORD"));

        for (Result r : results) {
            String printed = r.out() + r.err();
            assertThat(printed).doesNotContainIgnoringCase(symmetricKeyHex);
            secretLines.forEach(line -> assertThat(printed).doesNotContain(line));
        }
    }

    private static String key() {
        return SharedVectors.file("test-key.private.pkcs8.pem").toString();
    }

    private static String p12() {
        return SharedVectors.file("test-cert.p12").toString();
    }

    @Test
    void thePasswordNeverComesFromTheCommandLine() throws Exception {
        Result refused = run(new byte[0], "--key", p12(), "--password", SharedVectors.P12_PASSWORD);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--password is not taken").contains("--password-env").doesNotContain(SharedVectors.P12_PASSWORD);
        assertThat(run(new byte[0], "--key", p12(), "--password=" + SharedVectors.P12_PASSWORD).exit()).isEqualTo(2);

        Path file = temp.resolve("p12-password.txt");
        Files.writeString(file, SharedVectors.P12_PASSWORD + "\nignored second line\n");
        assertThat(run(SharedVectors.bytes("encrypted-content.json"), "--key", p12(), "--password-file", file.toString()).exit())
                .isZero();
        assertThat(run(SharedVectors.bytes("encrypted-content.json"), "--key", p12(), "--password-env", "UNSET_VARIABLE"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("environment variable 'UNSET_VARIABLE' is not set"));
    }

    @Test
    void withoutAPasswordOptionThePasswordIsAskedFor() {
        List<String> asked = new java.util.ArrayList<>();
        DecryptCommand.Secrets terminal = new DecryptCommand.Secrets() {
            @Override
            public String environment(String name) {
                return null;
            }

            @Override
            public char[] prompt(String question) {
                asked.add(question);
                return SharedVectors.P12_PASSWORD.toCharArray();
            }
        };
        Result result = run(terminal, SharedVectors.bytes("encrypted-content.json"), "--key", p12());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(asked).singleElement().satisfies(q -> assertThat(q).startsWith("Password for test-cert.p12"));
    }

    private static final DecryptCommand.Secrets ENVIRONMENT = new DecryptCommand.Secrets() {
        @Override
        public String environment(String name) {
            return switch (name) {
                case "P12_PASSWORD" -> SharedVectors.P12_PASSWORD;
                case "WRONG_PASSWORD" -> "wrong";
                default -> null;
            };
        }

        @Override
        public char[] prompt(String question) {
            return null;
        }
    };

    private static Result run(byte[] stdin, String... args) {
        return run(ENVIRONMENT, stdin, args);
    }

    private static Result run(DecryptCommand.Secrets secrets, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DecryptCommand.run(Stream.of(args).toList(), new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), secrets);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {}
}
