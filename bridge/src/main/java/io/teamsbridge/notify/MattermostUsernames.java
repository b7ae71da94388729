package io.teamsbridge.notify;

import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Mattermost username of a connected Teams user, so an {@code <at>} mention becomes
 * {@code @username}. Usernames rarely change; they are kept for an hour.
 */
@Component
class MattermostUsernames {
    private static final Duration TTL = Duration.ofHours(1);

    private final AccountLinkRepository links;
    private final MattermostClient mattermost;
    private final Clock clock;
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    private record Known(Optional<String> username, Instant at) {}

    MattermostUsernames(AccountLinkRepository links, MattermostClient mattermost, Clock clock) {
        this.links = links;
        this.mattermost = mattermost;
        this.clock = clock;
    }

    /** The usernames of the mentioned users who are connected, by Teams user id. */
    java.util.Map<String, String> usernamesOf(java.util.List<io.teamsbridge.render.TeamsMention> mentions) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (io.teamsbridge.render.TeamsMention mention : mentions) {
            if (mention.userId() != null && !out.containsKey(mention.userId())) {
                usernameOf(mention.userId()).ifPresent(name -> out.put(mention.userId(), name));
            }
        }
        return out;
    }

    Optional<String> usernameOf(String teamsUserId) {
        if (teamsUserId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Known known = cache.get(teamsUserId);
        if (known != null && known.at().plus(TTL).isAfter(now)) {
            return known.username();
        }
        Optional<String> username = links.findByTeamsUser(teamsUserId).filter(AccountLink::active).flatMap(link -> {
            try {
                return Optional.ofNullable(mattermost.user(link.mattermostUserId()).username());
            } catch (MattermostException e) {
                return Optional.empty();
            }
        });
        cache.put(teamsUserId, new Known(username, now));
        return username;
    }
}
