package io.teamsbridge.notify;

import io.teamsbridge.ops.Switches;
import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.linking.UserSettings;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.ChatMuteRepository;
import io.teamsbridge.store.Decision;
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
    private final AccountLinkRepository links;
    private final NotificationPreferences preferences;
    private final Switches switches;
    private final ChatMuteRepository mutes;

    /** A chat member who is a connected Mattermost user. */
    record Candidate(String teamsUserId, String mattermostUserId, UserSettings settings, boolean muted) {
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

    RecipientResolver(AccountLinkRepository links, NotificationPreferences preferences, Switches switches, ChatMuteRepository mutes) {
        this.mutes = mutes;
        this.links = links;
        this.preferences = preferences;
        this.switches = switches;
    }

    /**
     * The chat's candidates. {@code connectedNow} ({@link io.teamsbridge.linking.ConnectedUsers})
     * answers most chats, which have no connected member, without a query; the connections and
     * settings of those that do are read as they are now.
     */
    List<Candidate> candidates(ChatInfo chat, Set<String> connectedNow) {
        if (chat.members().isEmpty() || !switches.notificationsEnabled()) {
            return List.of();
        }
        List<String> connectedMembers = chat.members().stream().map(ChatInfo.Member::userId).filter(connectedNow::contains).toList();
        if (connectedMembers.isEmpty()) {
            return List.of();
        }
        List<AccountLink> connected = links.findActiveByTeamsUsers(connectedMembers);
        if (connected.isEmpty()) {
            return List.of();
        }
        List<String> users = connected.stream().map(AccountLink::mattermostUserId).toList();
        Map<String, UserSettings> settings = preferences.of(users);
        Set<String> muted = mutes.mutedBy(chat.chatId(), users);
        return connected.stream()
                .map(link -> new Candidate(link.teamsUserId(), link.mattermostUserId(), settings.get(link.mattermostUserId()),
                        muted.contains(link.mattermostUserId())))
                .toList();
    }
}
