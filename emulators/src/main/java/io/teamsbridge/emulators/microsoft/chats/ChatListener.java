package io.teamsbridge.emulators.microsoft.chats;

/**
 * Told about every message change, in order, while the store still holds its lock: it must only
 * queue work, never wait on the network.
 */
@FunctionalInterface
public interface ChatListener {
    ChatListener NONE = change -> { };

    void changed(MessageChange change);
}
