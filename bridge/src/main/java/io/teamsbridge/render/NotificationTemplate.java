package io.teamsbridge.render;

/**
 * The words around a message: the header naming sender and chat, the link back to Teams, the
 * continuation and truncation notes, and the text that replaces a deleted message.
 */
final class NotificationTemplate {
    /** Names and topics are cut to this many code points so a header can never crowd out the body. */
    static final int MAX_NAME = 100;

    String header(NotificationContext context) {
        String sender = bold(context.senderName(), "Someone");
        return switch (context.chatKind()) {
            case ONE_ON_ONE -> sender + " sent you a message in Microsoft Teams";
            case GROUP, MEETING -> sender + " wrote in " + chat(context) + others(context.otherMemberCount());
        };
    }

    String editedHeader(NotificationContext context) {
        return header(context) + " *(edited)*";
    }

    String deleted(NotificationContext context) {
        String sender = bold(context.senderName(), "Someone");
        String where = context.chatKind() == ChatKind.ONE_ON_ONE ? "" : " in " + chat(context);
        return "This message from " + sender + where + " was deleted in Microsoft Teams.";
    }

    String linkLine(String deepLink) {
        return "[Open in Microsoft Teams](" + deepLink + ")";
    }

    String continued(int part, int parts) {
        return "*(continued, part " + part + " of " + parts + ")*";
    }

    String continues(int part, int parts) {
        return "*(continues in part " + (part + 1) + " of " + parts + ")*";
    }

    String shortened() {
        return "*(shortened: the whole message is in Microsoft Teams)*";
    }

    private static String chat(NotificationContext context) {
        String kind = context.chatKind() == ChatKind.MEETING ? "meeting chat" : "group chat";
        String topic = context.chatTopic();
        return topic == null || topic.isBlank() ? "a " + kind : "the " + kind + " " + bold(topic, "");
    }

    private static String others(int count) {
        return switch (count) {
            case 0 -> "";
            case 1 -> " (with 1 other)";
            default -> " (with " + count + " others)";
        };
    }

    private static String bold(String name, String fallback) {
        String text = name == null || name.isBlank() ? fallback : name.strip().replaceAll("\\s+", " ");
        if (PostSplitter.length(text) > MAX_NAME) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
        }
        return "**" + MarkdownEscaper.escape(text, '*', false) + "**";
    }
}
