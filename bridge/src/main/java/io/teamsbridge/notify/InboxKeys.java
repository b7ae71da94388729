package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;

/**
 * The inbox's de-duplication key of a change, the same however the change arrived (a notification,
 * its redelivery, or the catch-up): a message is created once and deleted once; every edit is its
 * own change, told apart by {@code version}.
 *
 * <p>The message id comes before the chat: Teams numbers a chat's messages by the millisecond they
 * were sent, so a new message's key sorts after nearly every key already stored, and its insert
 * and the look-up before it both land on the index's last pages, which stay in memory. Chat first,
 * each chat had its own place in the index, and a thousand active chats touched a thousand pages
 * all over it (migration V18 reordered the keys stored before).
 */
final class InboxKeys {
    private static final int MAX_KEY = 700;

    private InboxKeys() {}

    static String of(ChangeType type, MessageRef ref, String version) {
        String key = type.wire() + "|" + ref.messageId() + "|" + ref.chatId() + "|" + (type == ChangeType.UPDATED ? version : "");
        return key.length() > MAX_KEY ? Tokens.sha256(key) : key;
    }
}
