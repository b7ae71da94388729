package io.teamsbridge.render;

import java.util.Objects;

/**
 * The Teams account behind a Mattermost username, as a reply's {@code @username} mentions it.
 *
 * @param teamsUserId the user's Entra object id
 * @param displayName the name Teams shows; when blank, the mention shows the Mattermost username
 */
public record MentionedUser(String teamsUserId, String displayName) {
    public MentionedUser {
        Objects.requireNonNull(teamsUserId, "teamsUserId");
        displayName = displayName == null ? "" : displayName.strip();
    }
}
