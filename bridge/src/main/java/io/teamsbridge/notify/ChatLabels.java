package io.teamsbridge.notify;

import java.util.List;

/** How a chat is named to one of its members in the list of their recent decisions. */
final class ChatLabels {
    private static final int NAMED = 3;

    private ChatLabels() {}

    static String of(ChatInfo chat, String recipientTeamsId) {
        if (chat == null) {
            return "a Teams chat";
        }
        List<String> others = chat.members().stream()
                .filter(m -> !m.userId().equals(recipientTeamsId))
                .map(m -> m.displayName() == null || m.displayName().isBlank() ? "someone" : m.displayName().strip())
                .toList();
        boolean hasTopic = chat.topic() != null && !chat.topic().isBlank();
        return switch (chat.chatType()) {
            case "oneOnOne" -> others.isEmpty() ? "1:1 chat" : "1:1 chat with " + others.getFirst();
            case "meeting" -> hasTopic ? "meeting chat " + chat.topic().strip() : "a meeting chat";
            default -> hasTopic ? "group chat " + chat.topic().strip() : "group chat with " + names(others);
        };
    }

    private static String names(List<String> others) {
        if (others.isEmpty()) {
            return "nobody else";
        }
        if (others.size() <= NAMED) {
            return String.join(", ", others);
        }
        return String.join(", ", others.subList(0, NAMED)) + " and " + (others.size() - NAMED) + " others";
    }
}
