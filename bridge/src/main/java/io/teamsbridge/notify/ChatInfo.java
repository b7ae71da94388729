package io.teamsbridge.notify;

import java.util.List;

/**
 * A chat's type, topic and members, as the pipeline needs them.
 *
 * @param readAt when Graph described the chat so (the member list may have changed since)
 */
record ChatInfo(String chatId, String chatType, String topic, List<Member> members, java.time.Instant readAt) {

    record Member(String userId, String displayName) {}

    boolean hasMember(String teamsUserId) {
        return members.stream().anyMatch(m -> teamsUserId.equals(m.userId()));
    }
}
