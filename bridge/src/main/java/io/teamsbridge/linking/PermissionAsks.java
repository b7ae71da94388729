package io.teamsbridge.linking;

import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.PreferenceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks each connected user, once, to connect again when their connection lacks a permission that
 * sign-ins now ask for (it was made before that permission was added, such as ChatMessage.Send
 * for replies). The question is remembered per user and permission set, so it is asked once, and
 * asked again only when yet another permission is added. Everything else keeps working meanwhile:
 * refreshes ask for exactly what was granted.
 */
@Component
class PermissionAsks {
    private static final Logger log = LoggerFactory.getLogger(PermissionAsks.class);
    static final String ASKED = "asked-to-grant";
    /** Enough for one pass: the rest are asked by the next one. */
    private static final int MOST_PER_PASS = 200;

    private final AccountLinkRepository links;
    private final PreferenceRepository preferences;
    private final ConnectionGrants grants;
    private final ConnectLinks connectLinks;
    private final Welcome messages;
    private final Clock clock;

    PermissionAsks(AccountLinkRepository links, PreferenceRepository preferences, ConnectionGrants grants, ConnectLinks connectLinks,
            Welcome messages, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.grants = grants;
        this.connectLinks = connectLinks;
        this.messages = messages;
        this.clock = clock;
    }

    /** One pass over the connected users; returns how many were asked. */
    int pass() {
        List<AccountLink> active = links.findAll().stream().filter(AccountLink::active).toList();
        Map<String, Map<String, String>> prefs = preferences.valuesOf(active.stream().map(AccountLink::mattermostUserId).toList());
        int asked = 0;
        for (AccountLink link : active) {
            if (asked == MOST_PER_PASS) {
                break;
            }
            Set<String> missing = grants.missing(link);
            String key = String.join(" ", missing);
            String userId = link.mattermostUserId();
            if (missing.isEmpty() || key.equals(prefs.getOrDefault(userId, Map.of()).get(ASKED))) {
                continue;
            }
            try {
                messages.askToConnectAgain(userId, ConnectOffer.uses(missing), connectLinks.create(userId));
            } catch (MattermostException e) {
                log.warn("Could not ask Mattermost user {} to connect again ({}); asking next time.", userId, e.getMessage());
                continue;
            }
            preferences.putAll(userId, Map.of(ASKED, key), clock.instant());
            asked++;
        }
        if (asked > 0) {
            log.info("Asked {} connected users to connect again for permissions their connections lack.", asked);
        }
        return asked;
    }
}
