package io.teamsbridge.notify;

import io.teamsbridge.linking.ConnectedUsers;
import io.teamsbridge.store.NewInboxItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [ingest] Which received changes concern no one, so they need not be stored. With the tenant-wide
 * subscription Graph sends every chat message of the organisation, and most are in chats where
 * nobody is connected. A new message in a chat whose members, as this instance last read them
 * ({@link ChatDirectory#known}, never a query or a Graph call), include nobody connected now
 * ({@link ConnectedUsers}) is acknowledged and counted but not written to the inbox: the worker
 * would have read the same members and found no one to tell. A chat this instance does not know,
 * and every edit and deletion, is stored as before. The connections are read again (one small
 * query) only when their last read says a chat concerns nobody: someone may have connected since.
 * Where it says someone is connected the message is stored with no query; if they have
 * disconnected since, the worker, which reads the connections as they are, tells nobody. Of the
 * messages to store, those whose every candidate is held back as they arrive are settled at once
 * ({@link HeldBackOnArrival}).
 */
@Component
class Triage {
    private final ChatDirectory chats;
    private final ConnectedUsers connected;

    private final HeldBackOnArrival heldBack;

    /**
     * The changes to store for the worker, the new messages settled as they arrive (stored as done),
     * and the new messages that concern nobody (not stored).
     */
    record Sorted(List<NewInboxItem> toStore, List<HeldBackOnArrival.Settled> settled, List<NewInboxItem> concernNobody) {
        static final Sorted NOTHING = new Sorted(List.of(), List.of(), List.of());
    }

    Triage(ChatDirectory chats, ConnectedUsers connected, HeldBackOnArrival heldBack) {
        this.chats = chats;
        this.connected = connected;
        this.heldBack = heldBack;
    }

    Sorted sort(List<NewInboxItem> changes) {
        List<NewInboxItem> toStore = new ArrayList<>(changes.size());
        List<NewInboxItem> concernNobody = new ArrayList<>();
        Set<String> lastRead = connected.lastRead();
        Set<String> connectedNow = null; // read once per request, and only if a known chat seems to concern nobody
        for (NewInboxItem change : changes) {
            Optional<ChatInfo> chat = ChangeType.CREATED.wire().equals(change.changeType())
                    ? chats.known(change.chatId()) : Optional.empty();
            // Someone connected as last read: stored, with no query (a stale "someone" costs the
            // worker a look, nothing more). Nobody as last read: asked again, someone may have connected.
            if (chat.isPresent() && connectedNow == null && nobodyConnectedIn(chat.get(), lastRead)) {
                connectedNow = connected.teamsUserIds();
            }
            if (chat.isPresent() && connectedNow != null && nobodyConnectedIn(chat.get(), connectedNow)) {
                concernNobody.add(change);
            } else {
                toStore.add(change);
            }
        }
        HeldBackOnArrival.Split split = toStore.isEmpty() ? new HeldBackOnArrival.Split(toStore, List.of())
                : heldBack.split(toStore, lastRead);
        return new Sorted(split.toProcess(), split.settled(), concernNobody);
    }

    /** Whether this instance knows the chat's members and none of them is connected now. */
    boolean nobodyConnectedIn(String chatId) {
        Optional<ChatInfo> chat = chats.known(chatId);
        return chat.isPresent() && nobodyConnectedIn(chat.get(), connected.teamsUserIds());
    }

    /** Unknown members (none listed) count as someone: the worker reads them. */
    private static boolean nobodyConnectedIn(ChatInfo chat, Set<String> connectedNow) {
        return !chat.members().isEmpty() && chat.members().stream().noneMatch(m -> connectedNow.contains(m.userId()));
    }
}
