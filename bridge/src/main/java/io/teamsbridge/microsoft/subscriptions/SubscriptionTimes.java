package io.teamsbridge.microsoft.subscriptions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Expiry times as Graph writes and reads them (ISO 8601 with an offset). */
final class SubscriptionTimes {
    private SubscriptionTimes() {
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Empty when Graph sent none or something unreadable: the caller keeps the time it asked for. */
    static Optional<Instant> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
