package io.teamsbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating bridge.encryption-key: after a restart with the old key among the previous keys, every
 * stored secret is sealed again with the new key, and the old key can then be dropped.
 */
class KeyRotationIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private List<String> sealedValues() {
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        List<String> values = new ArrayList<>(jdbc.sql("SELECT tokens_sealed FROM account_link").query(String.class).list());
        values.addAll(jdbc.sql("SELECT token_sealed FROM team_command").query(String.class).list());
        values.addAll(jdbc.sql("SELECT private_key_sealed FROM encryption_certificate").query(String.class).list());
        return values;
    }

    @Test
    void afterARotationEverySecretMovesToTheNewKeyAndTheOldKeyCanGo() {
        World world = bridge.world();
        world.awaitSubscription();
        Person person = world.connected(world.person("rotating"));
        String oldKeyId = bridge.harness().bean(SecretVault.class).currentKeyId();
        assertThat(sealedValues()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(v -> assertThat(v).startsWith("v1." + oldKeyId + "."));

        bridge.harness().stopBridge();
        bridge.harness().rotateEncryptionKey();
        bridge.harness().startBridge();
        String newKeyId = bridge.harness().bean(SecretVault.class).currentKeyId();
        bridge.harness().bean("keyRotationJob", PeriodicJob.class).runNow();
        assertThat(sealedValues()).allSatisfy(v -> assertThat(v).startsWith("v1." + newKeyId + "."));

        bridge.harness().stopBridge();
        bridge.harness().forgetPreviousEncryptionKeys();
        bridge.harness().startBridge();
        assertThat(world.command(person.mattermostUserId(), "status")).startsWith("You are connected to Microsoft Teams as");
        Person from = world.person("from");
        world.presence(person, "Away", "Away");
        String chat = world.chat("oneOnOne", null, from, person);
        String message = world.say(chat, from, "<p>after the rotation</p>");
        world.awaitProcessed(chat, message);
        assertThat(world.notifications(person)).hasSize(1);
    }
}
