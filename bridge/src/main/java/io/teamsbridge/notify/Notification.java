package io.teamsbridge.notify;

import io.teamsbridge.mattermost.PostFile;
import java.util.List;

/**
 * What tells one user about one message: the post parts, the files attached to the first part, and
 * the first part as it reads when Mattermost refuses some of those files.
 */
record Notification(List<String> parts, List<PostFile> files, String firstPartWithoutFiles) {
    Notification {
        parts = List.copyOf(parts);
        files = List.copyOf(files);
    }

    static Notification text(List<String> parts) {
        return new Notification(parts, List.of(), parts.getFirst());
    }
}
