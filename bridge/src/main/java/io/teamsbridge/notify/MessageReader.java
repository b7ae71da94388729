package io.teamsbridge.notify;

import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.changes.DecryptionException;
import io.teamsbridge.microsoft.changes.EncryptedContent;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** [decrypt] Opens a notification's resource data into the message it describes. */
@Component
class MessageReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationCertificates certificates;

    MessageReader(NotificationCertificates certificates) {
        this.certificates = certificates;
    }

    /** @throws UnreadableMessageException when the content cannot be decrypted or is not a chat message */
    IncomingMessage read(EncryptedContent content, String chatId) {
        if (content == null) {
            throw new UnreadableMessageException("the notification carries no resource data");
        }
        byte[] plain;
        try {
            plain = certificates.decryptor().decrypt(content);
        } catch (DecryptionException e) {
            throw new UnreadableMessageException(e.getMessage());
        }
        try {
            return IncomingMessage.from(JSON.readTree(plain), chatId);
        } catch (JacksonException e) {
            throw new UnreadableMessageException("the decrypted resource is not JSON");
        }
    }

    static final class UnreadableMessageException extends RuntimeException {
        UnreadableMessageException(String message) {
            super(message, null, false, false);
        }
    }
}
