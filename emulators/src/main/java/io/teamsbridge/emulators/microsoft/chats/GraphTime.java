package io.teamsbridge.emulators.microsoft.chats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How Graph writes instants: Teams resources with milliseconds, subscriptions with 7 fraction digits. */
public final class GraphTime {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TICKS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** What Teams writes for "all history is visible". */
    public static final String BEGINNING = "0001-01-01T00:00:00Z";

    private GraphTime() {}

    /** {@code 2021-02-02T18:19:52.105Z}, as in chat, member and message properties. */
    public static String millis(Instant instant) {
        return MILLIS.format(instant);
    }

    /** {@code 2016-11-20T18:23:45.9356913Z}, as in subscription expiry times. */
    public static String ticks(Instant instant) {
        return TICKS.format(instant);
    }
}
