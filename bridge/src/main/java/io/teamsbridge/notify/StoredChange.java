package io.teamsbridge.notify;

import io.teamsbridge.microsoft.changes.EncryptedContent;

/**
 * What the inbox keeps of a change: its cleartext ids and the message, either still encrypted as
 * Graph sent it in a notification, or, for a message the catch-up fetched, sealed by the
 * {@code SecretVault} ({@code sealedMessage}); never in the clear. The clientState is checked at
 * ingest and not kept.
 */
record StoredChange(String subscriptionId, String changeType, String resource, String tenantId,
        EncryptedContent encryptedContent, String sealedMessage) {

    StoredChange(String subscriptionId, String changeType, String resource, String tenantId,
            EncryptedContent encryptedContent) {
        this(subscriptionId, changeType, resource, tenantId, encryptedContent, null);
    }

    /** Whether the message itself came with the change. */
    boolean hasMessage() {
        return encryptedContent != null || sealedMessage != null;
    }

    /** The vault context a fetched message is sealed under: bound to its chat and id. */
    static String sealContext(MessageRef ref) {
        return "inbox-message|" + ref.chatId() + "|" + ref.messageId();
    }
}
