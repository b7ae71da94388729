package io.teamsbridge.notify;

import java.util.List;

/** A chat's type, topic and members, as the pipeline needs them. */
record ChatInfo(String chatId, String chatType, String topic, List<Member> members) {

    record Member(String userId, String displayName) {}

    boolean hasMember(String teamsUserId) {
        return members.stream().anyMatch(m -> teamsUserId.equals(m.userId()));
    }
}
