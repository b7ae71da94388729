package io.teamsbridge.notify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Teams message a notification is about, read from its cleartext {@code resource}. */
record MessageRef(String chatId, String messageId) {
    private static final Pattern ODATA = Pattern.compile("^/?chats\\('([^']+)'\\)/messages\\('([^']+)'\\)$");
    private static final Pattern PATH = Pattern.compile("^/?chats/([^/]+)/messages/([^/]+)$");

    static Optional<MessageRef> parse(String resource) {
        if (resource == null || resource.length() > 600) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {ODATA, PATH}) {
            Matcher m = pattern.matcher(resource);
            if (m.matches()) {
                return Optional.of(new MessageRef(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }
}
