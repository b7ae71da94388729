package io.teamsbridge.emulators.mattermost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Uploaded files by id, and the attaching of them to posts (once each, by whoever uploaded them). */
final class FileStore {
    private final ConcurrentHashMap<String, FileInfo> files = new ConcurrentHashMap<>();

    FileInfo add(FileInfo file) {
        files.put(file.id(), file);
        return file;
    }

    Optional<FileInfo> get(String id) {
        return Optional.ofNullable(id == null ? null : files.get(id));
    }

    /**
     * Attaches what may be attached, as {@code attachFilesToPost} does: files of another user, of
     * another channel, unknown or already attached are left out without an error.
     */
    synchronized List<FileInfo> attach(List<String> ids, String postId, String userId, String channelId, long now) {
        List<FileInfo> attached = new ArrayList<>();
        for (String id : ids) {
            FileInfo file = files.get(id);
            if (file != null && !file.attached() && file.userId().equals(userId) && file.channelId().equals(channelId)) {
                FileInfo updated = file.attachedTo(postId, now);
                files.put(id, updated);
                attached.add(updated);
            }
        }
        return attached;
    }
}
