package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.changes.DecryptionException;
import io.teamsbridge.crypto.SecretVault;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * [decrypt] Opens a notification's resource data into the message it describes, and makes sure it
 * is that message: the cleartext {@code resource} decided who was a candidate and where the post
 * goes, so encrypted content that names another message or chat (copied from elsewhere, or a
 * mix-up) is refused and counted, never shown.
 */
@Component
class MessageReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationCertificates certificates;
    private final SecretVault vault;
    private final Counter mismatched;
    private final Counter decrypted;

    MessageReader(NotificationCertificates certificates, SecretVault vault, MeterRegistry meters) {
        this.certificates = certificates;
        this.vault = vault;
        this.mismatched = Counter.builder("teamsbridge.notifications.mismatched")
                .description("Notifications whose decrypted message is not the one their resource names").register(meters);
        this.decrypted = Counter.builder("teamsbridge.notifications.decrypted")
                .description("Notifications whose resource data was decrypted (the RSA unwrap each costs)").register(meters);
    }

    /** @throws UnreadableMessageException when the content cannot be opened, is not a chat message, or is another message */
    IncomingMessage read(StoredChange change, MessageRef resource) {
        byte[] plain;
        if (change.encryptedContent() != null) {
            try {
                plain = certificates.decryptor().decrypt(change.encryptedContent());
                decrypted.increment();
            } catch (DecryptionException e) {
                throw new UnreadableMessageException(e.getMessage());
            }
        } else if (change.sealedMessage() != null) {
            try {
                plain = vault.open(change.sealedMessage(), StoredChange.sealContext(resource)).getBytes(StandardCharsets.UTF_8);
            } catch (SecretVault.SealedValueException e) {
                throw new UnreadableMessageException("the fetched message cannot be opened: " + e.getMessage());
            }
        } else {
            throw new UnreadableMessageException("the notification carries no resource data");
        }
        JsonNode json;
        try {
            json = JSON.readTree(plain);
        } catch (JacksonException e) {
            throw new UnreadableMessageException("the decrypted resource is not JSON");
        }
        String id = json.path("id").asString("");
        String chatId = json.path("chatId").asString(resource.chatId());
        if (!resource.messageId().equals(id) || !resource.chatId().equals(chatId)) {
            mismatched.increment();
            throw new UnreadableMessageException("the decrypted message is not the one its notification names (message "
                    + resource.messageId() + " in chat " + resource.chatId() + ")");
        }
        return IncomingMessage.from(json, resource.chatId());
    }

    static final class UnreadableMessageException extends RuntimeException {
        UnreadableMessageException(String message) {
            super(message, null, false, false);
        }
    }
}
