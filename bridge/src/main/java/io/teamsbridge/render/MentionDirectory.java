package io.teamsbridge.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a reply can mention: the Teams account of a Mattermost user, by username, for connected users
 * only. Resolved by the caller before rendering, so rendering reads nothing.
 */
@FunctionalInterface
public interface MentionDirectory {

    /** Nobody can be mentioned: every {@code @username} stays text. */
    MentionDirectory NONE = username -> Optional.empty();

    /**
     * @param username a Mattermost username in lower case, without the {@code @}
     */
    Optional<MentionedUser> find(String username);

    /** A directory over a map from Mattermost username (any case) to Teams account. */
    static MentionDirectory of(Map<String, MentionedUser> usersByUsername) {
        Map<String, MentionedUser> byLowerCase = new HashMap<>();
        usersByUsername.forEach((name, user) -> byLowerCase.put(name.toLowerCase(Locale.ROOT), user));
        return username -> Optional.ofNullable(byLowerCase.get(username));
    }
}
