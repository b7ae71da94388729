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

    /** The change, or empty for a change type this version does not know. */
    java.util.Optional<ChangeType> type() {
        return ChangeType.parse(change.changeType());
    }

    boolean is(ChangeType type) {
        return type().filter(type::equals).isPresent();
    }

    /** Fetched by the catch-up rather than notified: its post may exist without a record. */
    boolean fetched() {
        return CatchUp.fetched(change.subscriptionId());
    }
}
