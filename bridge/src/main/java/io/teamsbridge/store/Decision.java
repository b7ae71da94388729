package io.teamsbridge.store;

import java.time.Instant;

/**
 * One decision about one user and one message, as "/msteams status" lists it.
 *
 */
public record Decision(String mattermostUserId, Instant decidedAt, String chatId, String messageId, String chatLabel,
        String senderName, Outcome outcome, String detail) {

    /** What was decided; the detail completes it (the Teams state, the message type, the reason given up). */
    public enum Outcome {
        DELIVERED,
        NOTIFICATIONS_OFF,
        MEETING_CHATS_OFF,
        /** The user muted this chat. */
        MUTED,
        PRESENT,
        NOT_A_PERSON,
        /** Not delivered yet: Mattermost could not take it and it is tried again (the detail says why). */
        RETRYING,
        GAVE_UP
    }
}
