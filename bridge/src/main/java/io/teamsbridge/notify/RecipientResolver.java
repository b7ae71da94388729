package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [recipients] The members of a chat who could be notified at all: connected, with their
 * notifications on, while chat notifications are on globally. Presence and the sender are decided
 * later; this needs only cleartext, so most notifications end here without being decrypted.
 */
@Component
class RecipientResolver {
    private final AccountLinkRepository links;
    private final NotificationPreferences preferences;
    private final boolean enabled;

    /** A chat member who is a connected Mattermost user. */
    record Candidate(String teamsUserId, String mattermostUserId) {}

    RecipientResolver(AccountLinkRepository links, NotificationPreferences preferences, NotificationsProperties notifications) {
        this.links = links;
        this.preferences = preferences;
        this.enabled = notifications.enabled();
    }

    List<Candidate> candidates(ChatInfo chat) {
        if (!enabled || chat.members().isEmpty()) {
            return List.of();
        }
        List<AccountLink> connected = links.findActiveByTeamsUsers(chat.members().stream().map(ChatInfo.Member::userId).toList());
        if (connected.isEmpty()) {
            return List.of();
        }
        Set<String> off = preferences.turnedOff(connected.stream().map(AccountLink::mattermostUserId).toList());
        return connected.stream()
                .filter(link -> !off.contains(link.mattermostUserId()))
                .map(link -> new Candidate(link.teamsUserId(), link.mattermostUserId()))
                .toList();
    }
}
