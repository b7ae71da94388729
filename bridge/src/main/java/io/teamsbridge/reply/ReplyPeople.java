package io.teamsbridge.reply;

import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostWire.User;
import io.teamsbridge.render.MentionDirectory;
import io.teamsbridge.render.MentionedUser;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who a reply may mention in Teams: the connected users among the {@code @username}s it names,
 * looked up before rendering so the renderer stays pure. One Mattermost call and one query per
 * reply that mentions anyone.
 */
@Component
class ReplyPeople {
    private static final Pattern AT_NAME = Pattern.compile("@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
    /** More names than a person writes in one message: the rest stay text. */
    private static final int MOST_NAMES = 100;

    private final MattermostClient mattermost;
    private final AccountLinkRepository links;

    ReplyPeople(MattermostClient mattermost, AccountLinkRepository links) {
        this.mattermost = mattermost;
        this.links = links;
    }

    MentionDirectory in(String markdown) {
        Set<String> names = candidates(markdown);
        if (names.isEmpty()) {
            return MentionDirectory.NONE;
        }
        List<User> users = mattermost.usersByUsernames(names);
        Map<String, User> byId = new HashMap<>();
        users.forEach(u -> byId.put(u.id(), u));
        Map<String, MentionedUser> byUsername = new HashMap<>();
        for (String mattermostUserId : byId.keySet()) {
            links.findByMattermostUser(mattermostUserId).filter(AccountLink::active).ifPresent(link -> {
                User user = byId.get(mattermostUserId);
                byUsername.put(user.username(), new MentionedUser(link.teamsUserId(), link.teamsDisplayName()));
            });
        }
        return MentionDirectory.of(byUsername);
    }

    /** Each {@code @name} in lower case, and the same without trailing dots, dashes and underscores. */
    static Set<String> candidates(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = AT_NAME.matcher(markdown);
        while (m.find() && names.size() < MOST_NAMES) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            while (!name.isEmpty()) {
                names.add(name);
                char last = name.charAt(name.length() - 1);
                if (last != '.' && last != '-' && last != '_') {
                    break;
                }
                name = name.substring(0, name.length() - 1);
            }
        }
        return names;
    }
}
