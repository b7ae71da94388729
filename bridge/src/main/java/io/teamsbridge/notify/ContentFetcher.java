package io.teamsbridge.notify;

import io.teamsbridge.config.ContentProperties;
import io.teamsbridge.mattermost.FileSettings;
import io.teamsbridge.mattermost.PostFile;
import io.teamsbridge.microsoft.GraphContent;
import io.teamsbridge.microsoft.GraphContent.Download;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.render.ContentRefs;
import io.teamsbridge.render.FetchedContent;
import io.teamsbridge.render.FetchedContent.ImageState;
import io.teamsbridge.render.TeamsAttachment;
import io.teamsbridge.render.TeamsMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [fetch] What a message shows that Graph keeps behind a token: pasted images, code snippets and,
 * when the administrator enables it, shared files. Called once per message and only when someone
 * is about to be notified, so one download serves every recipient. Files stay within Mattermost's
 * limits (whether files are allowed, their size, ten per post) and the configured caps; the bytes
 * of all messages in flight share one budget, so many large images at once cannot exhaust the
 * heap. Whatever fails is shown as a note by the renderer, never as a link that would not open.
 */
@Component
class ContentFetcher {
    private static final Logger log = LoggerFactory.getLogger(ContentFetcher.class);
    /** A snippet longer than this is not fetched at all; it is named, with a pointer to Teams. */
    static final long MAX_SNIPPET_BYTES = 512 * 1024;

    private final GraphContent graph;
    private final ChatReader readers;
    private final FileSettings mattermostFiles;
    private final ContentProperties settings;
    /** Bytes held by fetched files not yet released, in KiB: twice one message's total. */
    private final Semaphore budget;

    ContentFetcher(GraphContent graph, ChatReader readers, FileSettings mattermostFiles, ContentProperties settings) {
        this.graph = graph;
        this.readers = readers;
        this.mattermostFiles = mattermostFiles;
        this.settings = settings;
        this.budget = new Semaphore((int) Math.min(Integer.MAX_VALUE, 2 * settings.maxTotalSize().toKilobytes()));
    }

    /** What was fetched for a new message; {@link #close} gives its bytes back to the budget. */
    final class Fetched implements AutoCloseable {
        private final FetchedContent content;
        private final List<PostFile> files;
        private int heldKib;

        private Fetched(FetchedContent content, List<PostFile> files, int heldKib) {
            this.content = content;
            this.files = files;
            this.heldKib = heldKib;
        }

        FetchedContent content() {
            return content;
        }

        List<PostFile> files() {
            return files;
        }

        @Override
        public void close() {
            budget.release(heldKib);
            heldKib = 0;
        }
    }

    /**
     * Whose token reads a message's hosted contents: looked up on first need (most messages have
     * none), as {@link ChatReader} chooses a chat's reader; null means the app's.
     */
    private final class Reader {
        private final Collection<String> viaSubscriptions;
        private boolean looked;
        private String token;

        Reader(Collection<String> viaSubscriptions) {
            this.viaSubscriptions = viaSubscriptions;
        }

        String token() {
            if (!looked) {
                looked = true;
                try {
                    token = readers.contentToken(viaSubscriptions);
                } catch (MicrosoftIdentityException e) {
                    token = null; // the app's, which Graph may refuse: the content is then left out, as for any failure
                }
            }
            return token;
        }
    }

    /** Images, snippets and (if enabled) shared files of a new message, which came through these subscriptions. */
    Fetched forNewMessage(TeamsMessage message, Collection<String> viaSubscriptions) {
        Reader reader = new Reader(viaSubscriptions);
        Map<String, ImageState> images = new HashMap<>();
        List<PostFile> files = new ArrayList<>();
        FileSettings.Limits limits = null;
        List<String> hosted = ContentRefs.hostedImages(message);
        List<TeamsAttachment> shared = settings.uploadSharedFiles() ? ContentRefs.sharedFiles(message) : List.of();
        long left = settings.maxTotalSize().toBytes();
        int held = 0;
        if (!hosted.isEmpty() || !shared.isEmpty()) {
            limits = mattermostFiles.limits();
        }
        long maxSize = limits == null ? 0 : Math.min(settings.maxFileSize().toBytes(), limits.maxFileSize());
        int maxCount = Math.min(settings.maxFiles(), FileSettings.MAX_FILES_PER_POST);
        for (String src : hosted) {
            ImageState state = ImageState.NOT_SHOWN;
            if (settings.images() && limits.enabled() && files.size() < maxCount && left > 0) {
                Download download = graph.hostedContent(src, message.chatId(), message.id(), Math.min(maxSize, left),
                        reader.token());
                if (download instanceof Download.Fetched f && isImage(f.contentType()) && reserve(f.bytes().length)) {
                    held += kib(f.bytes().length);
                    left -= f.bytes().length;
                    files.add(new PostFile("image-" + (files.size() + 1) + extension(f.contentType()), f.contentType(), f.bytes()));
                    state = ImageState.ATTACHED;
                } else {
                    log.info("A pasted image of message {} is not attached: {}", message.id(), why(download));
                }
            }
            images.put(src, state);
        }
        for (TeamsAttachment file : shared) {
            if (!limits.enabled() || files.size() >= maxCount || left <= 0) {
                break;
            }
            Download download = graph.sharedFile(file.contentUrl(), file.name(), Math.min(maxSize, left));
            if (download instanceof Download.Fetched f && reserve(f.bytes().length)) {
                held += kib(f.bytes().length);
                left -= f.bytes().length;
                files.add(new PostFile(file.name(), f.contentType(), f.bytes()));
            } else {
                log.info("A file shared in message {} is not attached (its link stays): {}", message.id(), why(download));
            }
        }
        return new Fetched(new FetchedContent(images, snippets(message, reader)), List.copyOf(files), held);
    }

    /** The code snippets of an edited message (its images stay as first attached). */
    FetchedContent forEdit(TeamsMessage message, Collection<String> viaSubscriptions) {
        return new FetchedContent(Map.of(), snippets(message, new Reader(viaSubscriptions)));
    }

    private Map<String, FetchedContent.Snippet> snippets(TeamsMessage message, Reader reader) {
        Map<String, FetchedContent.Snippet> found = new HashMap<>();
        for (ContentRefs.SnippetRef ref : ContentRefs.codeSnippets(message)) {
            Download download = graph.hostedContent(ref.url(), message.chatId(), message.id(), MAX_SNIPPET_BYTES, reader.token());
            if (download instanceof Download.Fetched f) {
                found.put(ref.attachmentId(), cut(new String(f.bytes(), StandardCharsets.UTF_8), settings.codeSnippetMaxChars()));
            } else {
                log.info("A code snippet of message {} is not shown: {}", message.id(), why(download));
            }
        }
        return found;
    }

    /** Whole lines up to {@code maxChars}, and how many lines are left out. */
    static FetchedContent.Snippet cut(String code, int maxChars) {
        String text = code.replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() <= maxChars) {
            return new FetchedContent.Snippet(text, 0);
        }
        int end = text.lastIndexOf('\n', maxChars);
        int cutAt = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        String kept = end > 0 ? text.substring(0, end) : text.substring(0, cutAt);
        long total = text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") ? 0 : 1);
        long shown = kept.chars().filter(c -> c == '\n').count() + 1;
        return new FetchedContent.Snippet(kept, (int) Math.max(1, total - shown));
    }

    private boolean reserve(int bytes) {
        return budget.tryAcquire(kib(bytes));
    }

    private static int kib(int bytes) {
        return (bytes + 1023) / 1024;
    }

    private static String why(Download download) {
        return switch (download) {
            case Download.Failed failed -> failed.reason();
            case Download.Fetched fetched -> isImage(fetched.contentType()) || fetched.name() != null
                    ? "over the budget for files in flight" : "not an image (" + fetched.contentType() + ")";
        };
    }

    /** Pictures Mattermost previews; SVG is left out, as it may carry script. */
    private static boolean isImage(String contentType) {
        return !extension(contentType).isEmpty() && !"image/svg+xml".equals(contentType);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/bmp" -> ".bmp";
            default -> "";
        };
    }
}
