package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;

/**
 * The inbox's de-duplication key of a change, the same however the change arrived (a notification,
 * its redelivery, or the catch-up): a message is created once and deleted once; every edit is its
 * own change, told apart by {@code version}.
 */
final class InboxKeys {
    private static final int MAX_KEY = 700;

    private InboxKeys() {}

    static String of(ChangeType type, MessageRef ref, String version) {
        String key = type.wire() + "|" + ref.chatId() + "|" + ref.messageId() + "|" + (type == ChangeType.UPDATED ? version : "");
        return key.length() > MAX_KEY ? Tokens.sha256(key) : key;
    }
}
