package io.teamsbridge.linking;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Why wasn't I notified?": the user's last decisions as a table for {@code /msteams status}, each
 * delivered or with the reason it was not. docs/user-guide.md explains every reason.
 */
@Component
class RecentDecisions {
    static final int SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DecisionRepository decisions;
    private final long keptDays;

    RecentDecisions(DecisionRepository decisions, NotificationsProperties notifications) {
        this.decisions = decisions;
        this.keptDays = Math.max(1, notifications.decisionsKept().toDays());
    }

    String of(String mattermostUserId) {
        List<Decision> latest = decisions.latest(mattermostUserId, SHOWN);
        if (latest.isEmpty()) {
            return "No Teams chat message has concerned you in the last " + keptDays + " days.";
        }
        StringBuilder out = new StringBuilder("Your last Teams chat messages (UTC; kept " + keptDays + " days):\n\n"
                + "| When | Chat | From | Notification |\n|---|---|---|---|\n");
        for (Decision d : latest) {
            out.append("| ").append(WHEN.format(d.decidedAt()))
                    .append(" | ").append(MarkdownText.inline(d.chatLabel()))
                    .append(" | ").append(d.senderName().isBlank() ? "—" : MarkdownText.inline(d.senderName()))
                    .append(" | ").append(MarkdownText.inline(reason(d)))
                    .append(" |\n");
        }
        return out.toString().stripTrailing();
    }

    static String reason(Decision d) {
        return switch (d.outcome()) {
            case DELIVERED -> "delivered";
            case PRESENT -> "not sent: you were active in Teams as " + d.detail();
            case NOTIFICATIONS_OFF -> "not sent: your notifications were off";
            case MEETING_CHATS_OFF -> "not sent: meeting chats were off";
            case MUTED -> "not sent: you muted this chat";
            case NOT_A_PERSON -> "not sent: not a person's message (" + d.detail() + ")";
            case RETRYING -> "not sent yet, retrying: " + d.detail();
            case GAVE_UP -> "given up after " + d.detail();
        };
    }
}
