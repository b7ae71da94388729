package io.teamsbridge.notify;

import io.teamsbridge.ops.Switches;
import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.linking.UserSettings;
import io.teamsbridge.store.ChatMuteRepository;
import io.teamsbridge.store.ChatThreadRepository;
import io.teamsbridge.store.Decision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [recipients] The members of a chat a new message concerns: connected, while chat notifications
 * are on globally, each with their settings. Whether each is told, and if not why, is decided per
 * message ({@link Candidate#holdsBack}); this needs only cleartext.
 */
@Component
class RecipientResolver {
    private final NotificationPreferences preferences;
    private final Switches switches;
    private final ChatMuteRepository mutes;
    private final ChatThreadRepository threads;

    /**
     * A chat member who is a connected Mattermost user; {@code threadRoot} is the root of the chat's
     * thread in their direct channel as recorded when the batch was read (null when none was).
     */
    record Candidate(String teamsUserId, String mattermostUserId, UserSettings settings, boolean muted, String threadRoot) {
        /** Whether their settings let them hear of this chat at all, presence aside. */
        boolean mayHear(ChatInfo chat) {
            return holdsBackBySettings(chat).isEmpty();
        }

        /** Why they are not told of a new message in this chat, or empty when they are. */
        Optional<Skip> holdsBack(ChatInfo chat, PresenceGate.Seen seen) {
            Optional<Skip> bySettings = holdsBackBySettings(chat);
            if (bySettings.isPresent() || seen == null) {
                return bySettings; // unknown presence counts as away: a missed message is worse than an extra one
            }
            return PresenceRule.heldBackAs(seen.availability(), seen.activity(), settings)
                    .map(state -> new Skip(Decision.Outcome.PRESENT, state));
        }

        private Optional<Skip> holdsBackBySettings(ChatInfo chat) {
            if (!settings.notifications()) {
                return Optional.of(new Skip(Decision.Outcome.NOTIFICATIONS_OFF, ""));
            }
            if ("meeting".equals(chat.chatType()) && !settings.meetingChats()) {
                return Optional.of(new Skip(Decision.Outcome.MEETING_CHATS_OFF, ""));
            }
            if (muted) {
                return Optional.of(new Skip(Decision.Outcome.MUTED, ""));
            }
            return Optional.empty();
        }
    }

    /** Why someone is not notified: the outcome recorded, and its detail (such as the Teams state). */
    record Skip(Decision.Outcome outcome, String detail) {}

    RecipientResolver(NotificationPreferences preferences, Switches switches, ChatMuteRepository mutes,
            ChatThreadRepository threads) {
        this.mutes = mutes;
        this.preferences = preferences;
        this.switches = switches;
        this.threads = threads;
    }

    /** One chat's candidates (see {@link #candidates(Collection, Map)}). */
    List<Candidate> candidates(ChatInfo chat, Map<String, String> connectedNow) {
        return candidates(List.of(chat), connectedNow).getOrDefault(chat.chatId(), List.of());
    }

    /**
     * The candidates of each of these chats, by chat id, in the order the chat lists its members.
     * {@code connectedNow} ({@link io.teamsbridge.linking.ConnectedUsers#accounts}: Teams user id to
     * Mattermost user id) says who is connected, as whom, without a query; for the chats with a
     * connected member the settings, mutes and thread roots are read as they are now, three queries
     * for all the chats together (a batch's chats, so not three per notification).
     */
    Map<String, List<Candidate>> candidates(Collection<ChatInfo> chats, Map<String, String> connectedNow) {
        return candidates(chats, connectedNow, true);
    }

    /**
     * As {@link #candidates(Collection, Map)}, without their thread roots (null): for deciding who
     * could be told, which they do not change, in two queries.
     */
    Map<String, List<Candidate>> candidatesToDecide(Collection<ChatInfo> chats, Map<String, String> connectedNow) {
        return candidates(chats, connectedNow, false);
    }

    private Map<String, List<Candidate>> candidates(Collection<ChatInfo> chats, Map<String, String> connectedNow,
            boolean threadRoots) {
        Map<String, List<Candidate>> out = new HashMap<>();
        if (!switches.notificationsEnabled()) {
            return out;
        }
        Map<String, List<String>> connectedMembers = new HashMap<>();
        Set<String> users = new LinkedHashSet<>();
        for (ChatInfo chat : chats) {
            List<String> members = chat.members().stream().map(ChatInfo.Member::userId).filter(connectedNow::containsKey).distinct()
                    .toList();
            if (!members.isEmpty()) {
                connectedMembers.put(chat.chatId(), members);
                members.forEach(member -> users.add(connectedNow.get(member)));
            }
        }
        if (users.isEmpty()) {
            return out;
        }
        Map<String, UserSettings> settings = preferences.of(users);
        Map<String, Set<String>> muted = mutes.mutedIn(connectedMembers.keySet(), users);
        Map<String, Map<String, String>> roots = threadRoots ? threads.rootsIn(connectedMembers.keySet(), users) : Map.of();
        connectedMembers.forEach((chatId, members) -> {
            Set<String> mutedHere = muted.getOrDefault(chatId, Set.of());
            Map<String, String> rootsHere = roots.getOrDefault(chatId, Map.of());
            List<Candidate> candidates = new ArrayList<>();
            for (String member : members) {
                String user = connectedNow.get(member);
                candidates.add(new Candidate(member, user, settings.get(user), mutedHere.contains(user), rootsHere.get(user)));
            }
            if (!candidates.isEmpty()) {
                out.put(chatId, List.copyOf(candidates));
            }
        });
        return out;
    }
}
