package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.microsoft.chats.ChatMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The date range Graph's message listings take in {@code $filter}:
 * {@code lastModifiedDateTime gt T}, {@code lastModifiedDateTime lt T}, or both joined by
 * {@code and} (times in ISO 8601, unquoted). Anything else in the filter is refused with 400 rather
 * than half understood.
 */
record MessageRange(@Nullable Instant after, @Nullable Instant before) {
    static final MessageRange ALL = new MessageRange(null, null);
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*lastModifiedDateTime\\s+(gt|lt)\\s+'?([0-9T:.+\\-Z]+)'?\\s*", Pattern.CASE_INSENSITIVE);

    static MessageRange parse(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return ALL;
        }
        Instant after = null;
        Instant before = null;
        for (String clause : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new HttpError(400, "BadRequest", "Invalid filter clause: '" + clause.strip()
                        + "'. Only a lastModifiedDateTime range (gt, lt) is supported here.");
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(2)).toInstant();
            } catch (DateTimeParseException e) {
                throw new HttpError(400, "BadRequest", "Invalid date in filter: '" + m.group(2) + "'.");
            }
            if (m.group(1).toLowerCase(Locale.ROOT).equals("gt")) {
                after = at;
            } else {
                before = at;
            }
        }
        return new MessageRange(after, before);
    }

    boolean contains(ChatMessage message) {
        Instant modified = message.lastModifiedAt();
        return (after == null || modified.isAfter(after)) && (before == null || modified.isBefore(before));
    }
}
