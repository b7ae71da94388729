package io.teamsbridge.notify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Teams message a notification is about, read from its cleartext {@code resource}. Ids longer
 * than the inbox's columns are not Graph's and are refused here, not by the database.
 */
record MessageRef(String chatId, String messageId) {
    static final int MAX_CHAT_ID = 256;
    static final int MAX_MESSAGE_ID = 128;

    private static final Pattern ODATA = Pattern.compile("^/?chats\\('([^']+)'\\)/messages\\('([^']+)'\\)$");
    private static final Pattern PATH = Pattern.compile("^/?chats/([^/]+)/messages/([^/]+)$");

    static Optional<MessageRef> parse(String resource) {
        if (resource == null || resource.length() > 600) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {ODATA, PATH}) {
            Matcher m = pattern.matcher(resource);
            if (m.matches()) {
                return m.group(1).length() <= MAX_CHAT_ID && m.group(2).length() <= MAX_MESSAGE_ID
                        ? Optional.of(new MessageRef(m.group(1), m.group(2)))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
