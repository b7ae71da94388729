package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.microsoft.chats.Chat;

/** Which chats' messages a subscription resource covers. */
public sealed interface SubscriptionScope {

    boolean covers(Chat chat);

    /**
     * The resource without its billing model: an app may hold one subscription per key (Graph's
     * quota "per app + chat: 1"), whatever model it asked for.
     */
    String quotaKey();

    /** {@code /chats/getAllMessages}: every chat in the tenant. */
    record AllChats() implements SubscriptionScope {
        @Override
        public boolean covers(Chat chat) {
            return true;
        }

        @Override
        public String quotaKey() {
            return "chats/getAllMessages";
        }
    }

    /** {@code /users/{id}/chats/getAllMessages}: every chat the user is in when the message is written. */
    record UserChats(String userId) implements SubscriptionScope {
        @Override
        public boolean covers(Chat chat) {
            return chat.hasMember(userId);
        }

        @Override
        public String quotaKey() {
            return "users/" + userId + "/chats/getAllMessages";
        }
    }

    /** {@code /chats/{id}/messages}: one chat. */
    record OneChat(String chatId) implements SubscriptionScope {
        @Override
        public boolean covers(Chat chat) {
            return chat.id().equals(chatId);
        }

        @Override
        public String quotaKey() {
            return "chats/" + chatId + "/messages";
        }
    }
}
