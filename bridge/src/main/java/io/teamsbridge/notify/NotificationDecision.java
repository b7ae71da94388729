package io.teamsbridge.notify;

import java.time.Instant;

/**
 * One decision of the pipeline about one message, published as an application event so that other
 * parts (the sandbox's "what is happening" log, later "why was I not notified?") can follow it.
 * It carries ids and reasons, never message content.
 *
 * @param mattermostUserId whom the decision is about, or null for the message as a whole
 */
public record NotificationDecision(Instant at, String chatId, String messageId, String mattermostUserId, Kind kind,
        String detail) {

    public enum Kind {
        /** A change notification about the message was taken from the inbox. */
        RECEIVED,
        /** A new message was acknowledged and not stored: nobody connected is in its chat. */
        CONCERNS_NOBODY,
        /** A post was made for the user. */
        DELIVERED,
        /** The user was not notified; {@code detail} says why. */
        NOT_DELIVERED,
        /** The forwarded posts were updated after an edit or a deletion. */
        UPDATED,
        /** The message was given up after the age limit. */
        GAVE_UP
    }
}
