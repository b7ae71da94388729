package io.teamsbridge.render;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who wrote the message and where, for the notification's header and link.
 *
 * @param senderName                    the sender's Teams display name
 * @param chatTopic                     the chat's topic; null or blank when it has none
 * @param otherMemberCount              members of the chat besides the sender and the recipient
 * @param teamsWebBase                  the Teams web host of the configured cloud, e.g.
 *                                      {@code https://teams.microsoft.com}
 * @param mattermostUsernameOfTeamsUser the Mattermost username of a connected Teams user (by Entra
 *                                      object id), for mentions
 */
public record NotificationContext(String senderName, ChatKind chatKind, String chatTopic, int otherMemberCount,
        String teamsWebBase, Function<String, Optional<String>> mattermostUsernameOfTeamsUser) {
    public NotificationContext {
        chatKind = chatKind == null ? ChatKind.GROUP : chatKind;
        otherMemberCount = Math.max(0, otherMemberCount);
        mattermostUsernameOfTeamsUser = mattermostUsernameOfTeamsUser == null
                ? id -> Optional.empty() : mattermostUsernameOfTeamsUser;
    }
}
