package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An administrator's own certificate (PKCS#12) is the one Graph encrypts notifications for. */
class ConfiguredCertificateIT {

    @Test
    void notificationsAreEncryptedForTheConfiguredCertificateAndStillArrive() throws Exception {
        Path p12 = Path.of(System.getProperty("teamsbridge.shared.dir", "../../shared"), "contracts", "graph-decryption", "test-cert.p12");
        assumeTrue(Files.isRegularFile(p12), "../shared/contracts/graph-decryption/test-cert.p12 is not available here");
        String expected = Files.readString(p12.resolveSibling("test-cert.public.cer.b64")).strip();
        try (BridgeHarness harness = BridgeHarness.start(Map.of(
                "microsoft.subscription.certificate-file", p12.toAbsolutePath().toString(),
                "microsoft.subscription.certificate-password", "rich"))) {
            World world = new World(harness);
            String sent = world.awaitSubscription().path("encryptionCertificate").asString();
            assertThat(Base64.getDecoder().decode(sent)).isEqualTo(Base64.getDecoder().decode(expected));

            Person from = world.person("from");
            Person to = world.connected(world.person("to"));
            world.presence(to, "Away", "Away");
            String chat = world.chat("oneOnOne", null, from, to);
            String message = world.say(chat, from, "<p>encrypted for your certificate</p>");
            world.awaitProcessed(chat, message);
            assertThat(world.notifications(to)).singleElement()
                    .satisfies(post -> assertThat(post.path("message").asString()).contains("encrypted for your certificate"));
        }
    }
}
