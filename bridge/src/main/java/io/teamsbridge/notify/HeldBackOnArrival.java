package io.teamsbridge.notify;

import io.teamsbridge.linking.ConnectedUsers;
import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.notify.RecipientResolver.Skip;
import io.teamsbridge.store.NewInboxItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [ingest] New messages nobody could be told of as they arrive, settled then rather than by the
 * worker. In a chat with someone connected, most messages find everyone it concerns present in
 * Teams, or with notifications off for it: the worker would read the message back, decide just
 * that, and finish it. Here the same decision is made from what this instance holds already: the
 * chat's members as last read ({@link ChatDirectory#known}), each one's presence as read within
 * {@code notifications.presence-cache-ttl} ({@link PresenceGate#cached}), and the connections,
 * settings and mutes as they are now (two queries for a request and the connections' generation,
 * made only when every connected member of a message's chat looks present). Such a message is
 * stored as done in its request's commit ({@link io.teamsbridge.store.InboxRepository#insertAll(List,
 * List, java.time.Instant)}), and its decisions go to the {@link DecisionJournal}: no claim, no
 * settlement, no payload, while a redelivery is still recognised and an edit of it finishes at
 * once. A presence not read lately, or anyone who could be told, leaves the message to the worker,
 * which looks presence up and decides as before; so does every edit and deletion. Like every
 * message nobody could be told of, it is never decrypted, so a connected sender who is away is not
 * recognised here, and their message goes to the worker.
 */
@Component
class HeldBackOnArrival {
    private final ChatDirectory chats;
    private final ConnectedUsers connected;
    private final RecipientResolver recipients;
    private final PresenceGate presence;

    /** A candidate and why they are not told. */
    record Held(Candidate candidate, Skip skip) {}

    /** A new message settled as it arrived: everyone it concerns, each held back. */
    record Settled(NewInboxItem item, ChatInfo chat, List<Held> held) {}

    /** The changes for the worker, in the order they came, and the messages settled here. */
    record Split(List<NewInboxItem> toProcess, List<Settled> settled) {}

    HeldBackOnArrival(ChatDirectory chats, ConnectedUsers connected, RecipientResolver recipients, PresenceGate presence) {
        this.chats = chats;
        this.connected = connected;
        this.recipients = recipients;
        this.presence = presence;
    }

    /** @param lastRead the connections as last read ({@link ConnectedUsers#lastRead}), for the look without a query */
    Split split(List<NewInboxItem> changes, Set<String> lastRead) {
        Map<String, ChatInfo> looksHeldBack = new HashMap<>();
        for (NewInboxItem change : changes) {
            if (ChangeType.CREATED.wire().equals(change.changeType()) && !looksHeldBack.containsKey(change.chatId())) {
                chats.known(change.chatId()).filter(chat -> allLookPresent(chat, lastRead))
                        .ifPresent(chat -> looksHeldBack.put(chat.chatId(), chat));
            }
        }
        if (looksHeldBack.isEmpty()) {
            return new Split(changes, List.of());
        }
        Map<String, List<Candidate>> candidates = recipients.candidatesToDecide(looksHeldBack.values(), connected.accounts());
        Map<String, List<Held>> heldByChat = new HashMap<>();
        looksHeldBack.forEach((chatId, chat) -> heldByChat.put(chatId, heldBack(chat, candidates.getOrDefault(chatId, List.of()))));
        List<NewInboxItem> toProcess = new ArrayList<>(changes.size());
        List<Settled> settled = new ArrayList<>();
        Set<String> settledKeys = new HashSet<>();
        for (NewInboxItem change : changes) {
            List<Held> held = ChangeType.CREATED.wire().equals(change.changeType()) ? heldByChat.get(change.chatId()) : null;
            if (held == null || held.isEmpty()) {
                toProcess.add(change);
            } else if (settledKeys.add(change.dedupeKey())) {
                settled.add(new Settled(change, looksHeldBack.get(change.chatId()), held));
            }
        }
        return new Split(toProcess, settled);
    }

    /**
     * Whether someone connected (as last read) is in the chat and every such member's presence, read
     * lately, holds notifications back under the default settings (a setting can only let more through).
     */
    private boolean allLookPresent(ChatInfo chat, Set<String> lastRead) {
        boolean anyone = false;
        for (ChatInfo.Member member : chat.members()) {
            if (lastRead.contains(member.userId())) {
                PresenceGate.Seen seen = presence.cached(member.userId());
                if (seen == null || PresenceRule.shouldNotify(seen.availability(), seen.activity())) {
                    return false;
                }
                anyone = true;
            }
        }
        return anyone;
    }

    /** Each candidate and why they are held back; empty when anyone could be told, or nobody is a candidate. */
    private List<Held> heldBack(ChatInfo chat, List<Candidate> candidates) {
        List<Held> held = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Optional<Skip> skip = candidate.holdsBack(chat, presence.cached(candidate.teamsUserId()));
            if (skip.isEmpty()) {
                return List.of(); // unknown presence (not read lately) is empty too: the worker looks it up
            }
            held.add(new Held(candidate, skip.get()));
        }
        return held;
    }
}
