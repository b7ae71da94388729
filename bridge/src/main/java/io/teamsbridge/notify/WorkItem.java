package io.teamsbridge.notify;

import io.teamsbridge.store.InboxItem;

/** An inbox item and its decoded change, as the handlers see it. */
record WorkItem(InboxItem item, StoredChange change) {
    String chatId() {
        return item.chatId();
    }

    String messageId() {
        return item.messageId();
    }
}
