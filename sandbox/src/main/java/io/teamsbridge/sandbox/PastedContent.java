package io.teamsbridge.sandbox;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the page's composer adds to a message as Teams would: a pasted image becomes a hosted
 * content shown by an {@code <img>} in the body, a code snippet a hosted text content behind a
 * code-snippet card, placed in the body by an {@code <attachment>} tag.
 */
final class PastedContent {
    static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;
    static final int MAX_SNIPPET_CHARS = 100_000;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");

    /** A pasted image, as the page read it from a file. */
    record Image(String contentType, String base64) {}

    /** A code snippet and its language (as Teams names them, e.g. Python, Java). */
    record Snippet(String language, String code) {}

    /** The message as it goes to the emulator, and a line for the page's transcript. */
    record Message(String content, List<MicrosoftControlClient.Attachment> attachments,
            List<MicrosoftControlClient.HostedContent> hostedContents, String transcriptNote) {}

    private PastedContent() {}

    static Message of(String content, Image image, Snippet snippet) {
        StringBuilder html = new StringBuilder(content == null ? "" : content);
        List<MicrosoftControlClient.Attachment> attachments = new ArrayList<>();
        List<MicrosoftControlClient.HostedContent> hosted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (image != null) {
            String type = image.contentType() == null ? "" : image.contentType().toLowerCase(Locale.ROOT);
            if (!IMAGE_TYPES.contains(type)) {
                throw new IllegalArgumentException("paste a PNG, JPEG or GIF image");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(image.base64() == null ? "" : image.base64());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the image could not be read");
            }
            if (bytes.length == 0 || bytes.length > MAX_IMAGE_BYTES) {
                throw new IllegalArgumentException("an image holds 1 byte to 4 MB");
            }
            html.append("<p><img src=\"hosted:").append(hosted.size()).append("\" alt=\"image\"></p>");
            hosted.add(new MicrosoftControlClient.HostedContent(type, bytes));
            notes.add("image");
        }
        if (snippet != null && snippet.code() != null && !snippet.code().isBlank()) {
            if (snippet.code().length() > MAX_SNIPPET_CHARS) {
                throw new IllegalArgumentException("a code snippet holds at most " + MAX_SNIPPET_CHARS + " characters");
            }
            String language = snippet.language() == null || !snippet.language().matches("[A-Za-z+#]{1,20}") ? "Text" : snippet.language();
            long lines = snippet.code().lines().count();
            String card = "{\"name\":\"\",\"language\":\"" + language + "\",\"lines\":" + lines
                    + ",\"wrap\":false,\"codeSnippetUrl\":\"hosted:" + hosted.size() + "\"}";
            html.append("<attachment id=\"snippet\"></attachment>");
            attachments.add(MicrosoftControlClient.Attachment.card("snippet", "application/vnd.microsoft.card.codesnippet", card));
            hosted.add(new MicrosoftControlClient.HostedContent("text/plain", snippet.code().getBytes(StandardCharsets.UTF_8)));
            notes.add(language + " code snippet, " + lines + (lines == 1 ? " line" : " lines"));
        }
        String note = notes.isEmpty() ? "" : "<p><em>(" + String.join(" and ", notes) + ")</em></p>";
        return new Message(html.toString(), attachments, hosted, note);
    }
}
