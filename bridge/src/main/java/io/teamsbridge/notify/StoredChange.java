package io.teamsbridge.notify;

import io.teamsbridge.microsoft.changes.EncryptedContent;

/**
 * What the inbox keeps of a change notification: its cleartext ids and the still-encrypted
 * resource data. The clientState is checked at ingest and not kept.
 */
record StoredChange(String subscriptionId, String changeType, String resource, String tenantId,
        EncryptedContent encryptedContent) {}
