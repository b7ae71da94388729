package io.teamsbridge.render;

import java.nio.charset.StandardCharsets;

/**
 * Teams deep links. The documented form for a chat message is
 * {@code {web host}/l/message/{chat id}/{message id}?context={"contextType":"chat"}}; the web host
 * is the configured cloud's ({@code https://teams.microsoft.com} globally,
 * {@code https://gov.teams.microsoft.us} for GCC High, {@code https://dod.teams.microsoft.us} for
 * DoD, {@code https://teams.microsoftonline.cn} for 21Vianet). Teams' own links also carry the
 * organisation's {@code tenantId}, which sends a guest, signed in to several organisations, to the
 * right one. Ids are percent-encoded so the link is one valid URL and one valid Markdown link
 * destination whatever they contain.
 */
public final class DeepLinks {
    /** The web host of Teams in the global cloud (also GCC). */
    public static final String GLOBAL_WEB_BASE = "https://teams.microsoft.com";

    private static final String CHAT_CONTEXT = "context=%7B%22contextType%22%3A%22chat%22%7D";

    private DeepLinks() {
    }

    /** The link that opens a chat at a message in Teams. */
    public static String chatMessage(String teamsWebBase, String chatId, String messageId) {
        return chatMessage(teamsWebBase, null, chatId, messageId);
    }

    /** The link that opens a chat at a message in Teams, in the given organisation (null or blank: none named). */
    public static String chatMessage(String teamsWebBase, String tenantId, String chatId, String messageId) {
        String tenant = tenantId == null || tenantId.isBlank() ? "" : "tenantId=" + encode(tenantId.strip()) + "&";
        return base(teamsWebBase) + "/l/message/" + encode(chatId) + "/" + encode(messageId) + "?" + tenant + CHAT_CONTEXT;
    }

    private static String base(String teamsWebBase) {
        String base = teamsWebBase == null || teamsWebBase.isBlank() ? GLOBAL_WEB_BASE : teamsWebBase.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : (value == null ? "" : value).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
