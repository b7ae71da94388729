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
 * {@code and} (times in ISO 8601, unquoted); or {@code createdDateTime lt T}. Anything else in the filter is refused with 400 rather
 * than half understood.
 */
record MessageRange(@Nullable Instant after, @Nullable Instant before, boolean byCreation) {
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(lastModifiedDateTime|createdDateTime)\\s+(gt|lt)\\s+'?([0-9T:.+\\-Z]+)'?\\s*", Pattern.CASE_INSENSITIVE);

    /** A {@code lastModifiedDateTime} range, as {@code getAllMessages} takes it. */
    static MessageRange parse(@Nullable String filter) {
        return parse(filter, "lastModifiedDateTime");
    }

    /**
     * A range on {@code property}: {@code lastModifiedDateTime} takes {@code gt} and {@code lt},
     * {@code createdDateTime} only {@code lt}, as Graph documents for a chat's messages.
     */
    static MessageRange parse(@Nullable String filter, String property) {
        if (filter == null || filter.isBlank()) {
            return new MessageRange(null, null, property.equals("createdDateTime"));
        }
        boolean created = property.equals("createdDateTime");
        Instant after = null;
        Instant before = null;
        for (String clause : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches() || !m.group(1).equalsIgnoreCase(property) || created && m.group(2).equalsIgnoreCase("gt")) {
                throw new HttpError(400, "BadRequest", "Invalid filter clause: '" + clause.strip() + "'. Only a "
                        + property + (created ? " upper bound (lt)" : " range (gt, lt)") + " is supported here.");
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(3)).toInstant();
            } catch (DateTimeParseException e) {
                throw new HttpError(400, "BadRequest", "Invalid date in filter: '" + m.group(3) + "'.");
            }
            if (m.group(2).toLowerCase(Locale.ROOT).equals("gt")) {
                after = at;
            } else {
                before = at;
            }
        }
        return new MessageRange(after, before, created);
    }

    boolean contains(ChatMessage message) {
        Instant at = byCreation ? message.createdAt() : message.lastModifiedAt();
        return (after == null || at.isAfter(after)) && (before == null || at.isBefore(before));
    }
}
