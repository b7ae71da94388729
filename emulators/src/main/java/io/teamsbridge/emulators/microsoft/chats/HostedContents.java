package io.teamsbridge.emulators.microsoft.chats;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosted contents of messages: given ids when their message gets one, their {@code hosted:N}
 * placeholders replaced by Graph addresses in the body and in the attachments' content, and kept
 * until the message is deleted (Teams drops a deleted message's content).
 */
final class HostedContents {
    /** A hosted content larger than this is refused, as Teams limits what can be pasted. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern PLACEHOLDER = Pattern.compile("hosted:(\\d+)");

    /** A message's body and attachments with real addresses, and its contents with their ids. */
    record Placed(String content, List<MessageAttachment> attachments, List<HostedContent> contents) {}

    private final URI graphUrl;
    private final Map<String, List<HostedContent>> byMessage = new ConcurrentHashMap<>();

    HostedContents(URI graphUrl) {
        this.graphUrl = graphUrl;
    }

    /** @throws IllegalArgumentException for a bad content or a placeholder naming none */
    Placed place(String chatId, String messageId, MessageDraft draft) {
        List<HostedContent> contents = new ArrayList<>();
        for (int i = 0; i < draft.hostedContents().size(); i++) {
            MessageDraft.Hosted h = draft.hostedContents().get(i);
            if (h.contentType() == null || h.contentType().isBlank()) {
                throw new IllegalArgumentException("hosted content " + i + " has no contentType");
            }
            if (h.bytes().length == 0 || h.bytes().length > MAX_BYTES) {
                throw new IllegalArgumentException("hosted content " + i + " must hold 1 to " + MAX_BYTES + " bytes");
            }
            // Graph's ids are opaque base64 of an internal reference; this one says which content it is.
            String id = Base64.getEncoder().encodeToString(("id=x_" + messageId + "-" + i + ",type=1")
                    .getBytes(StandardCharsets.US_ASCII));
            contents.add(new HostedContent(id, h.contentType().strip(), h.bytes()));
        }
        String content = replace(draft.content(), chatId, messageId, contents);
        List<MessageAttachment> attachments = draft.attachments().stream()
                .map(a -> a.content() == null ? a : new MessageAttachment(a.id(), a.contentType(), a.contentUrl(),
                        replace(a.content(), chatId, messageId, contents), a.name(), a.thumbnailUrl(), a.teamsAppId()))
                .toList();
        return new Placed(content, attachments, List.copyOf(contents));
    }

    void keep(String chatId, String messageId, List<HostedContent> contents) {
        if (!contents.isEmpty()) {
            byMessage.put(key(chatId, messageId), contents);
        }
    }

    List<HostedContent> of(String chatId, String messageId) {
        return byMessage.getOrDefault(key(chatId, messageId), List.of());
    }

    void forget(String chatId, String messageId) {
        byMessage.remove(key(chatId, messageId));
    }

    /** The address Graph gives a hosted content's bytes. */
    String url(String chatId, String messageId, String hostedContentId) {
        return graphUrl + "/chats/" + chatId + "/messages/" + messageId + "/hostedContents/" + hostedContentId + "/$value";
    }

    private String replace(String text, String chatId, String messageId, List<HostedContent> contents) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n;
            try {
                n = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0 || n >= contents.size()) {
                throw new IllegalArgumentException("'" + m.group() + "' names no hosted content (there are " + contents.size() + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(url(chatId, messageId, contents.get(n).id())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String key(String chatId, String messageId) {
        return chatId + "\n" + messageId;
    }
}
