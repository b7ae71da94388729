package io.teamsbridge.mattermost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether Mattermost accepts files and how large, read from its client configuration and reused
 * for a while: an administrator may change them at any time, and a post must not carry files the
 * server refuses. Until the configuration can be read, Mattermost's defaults are assumed (the
 * upload itself then gives the final word).
 */
@Component
public class FileSettings {
    private static final Logger log = LoggerFactory.getLogger(FileSettings.class);
    /** Mattermost's default {@code FileSettings.MaxFileSize}: 100 MiB. */
    static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024 * 1024;
    /** Mattermost accepts at most 10 file ids per post (its 300-rune limit on the id list). */
    public static final int MAX_FILES_PER_POST = 10;
    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final Duration KEPT_AFTER_FAILURE = Duration.ofMinutes(1);

    /** What the server allows now. */
    public record Limits(boolean enabled, long maxFileSize) {}

    private record Read(Limits limits, Instant until) {}

    private final MattermostClient client;
    private final Clock clock;
    private volatile Read current;

    FileSettings(MattermostClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public Limits limits() {
        Read read = current;
        Instant now = clock.instant();
        if (read != null && now.isBefore(read.until())) {
            return read.limits();
        }
        Read fresh;
        try {
            java.util.Map<String, String> config = client.clientConfig();
            fresh = new Read(new Limits(!"false".equalsIgnoreCase(config.getOrDefault("EnableFileAttachments", "true")),
                    size(config.get("MaxFileSize"))), now.plus(KEPT));
        } catch (MattermostException e) {
            log.debug("Mattermost's file settings could not be read ({}); assuming its defaults for now.", e.getMessage());
            fresh = new Read(read != null ? read.limits() : new Limits(true, DEFAULT_MAX_FILE_SIZE), now.plus(KEPT_AFTER_FAILURE));
        }
        current = fresh;
        return fresh.limits();
    }

    private static long size(String value) {
        try {
            long size = value == null ? DEFAULT_MAX_FILE_SIZE : Long.parseLong(value.strip());
            return size > 0 ? size : DEFAULT_MAX_FILE_SIZE;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_FILE_SIZE;
        }
    }
}
