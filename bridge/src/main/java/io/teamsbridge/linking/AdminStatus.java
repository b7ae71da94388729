package io.teamsbridge.linking;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.ops.Switches;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.InboxSnapshot;
import io.teamsbridge.store.ReplyRepository;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What {@code /msteams admin} shows an administrator: the subscription, connected users against
 * the limit, the inbox, the switches (with who set them) and the problems of the last day. Read
 * from the database, so every instance answers alike.
 */
@Component
class AdminStatus {
    private static final DateTimeFormatter WHEN = MsteamsCommands.WHEN;
    private static final Duration RECENT = Duration.ofHours(24);
    private static final int PROBLEMS = 5;

    private final SubscriptionRepository subscriptions;
    private final AccountLinkRepository links;
    private final InboxRepository inbox;
    private final DecisionRepository decisions;
    private final ReplyRepository replies;
    private final Switches switches;
    private final MicrosoftProperties microsoft;
    private final io.teamsbridge.microsoft.subscriptions.SubscriptionModes modes;
    private final Clock clock;

    AdminStatus(SubscriptionRepository subscriptions, AccountLinkRepository links, InboxRepository inbox,
            DecisionRepository decisions, ReplyRepository replies, Switches switches, MicrosoftProperties microsoft,
            io.teamsbridge.microsoft.subscriptions.SubscriptionModes modes, Clock clock) {
        this.modes = modes;
        this.subscriptions = subscriptions;
        this.links = links;
        this.inbox = inbox;
        this.decisions = decisions;
        this.replies = replies;
        this.switches = switches;
        this.microsoft = microsoft;
        this.clock = clock;
    }

    String text() {
        Instant now = clock.instant();
        return "#### Teams notifications: status\n"
                + "| | |\n|---|---|\n"
                + "| Subscription | " + subscription(now) + " |\n"
                + "| Connected users | " + connections() + " |\n"
                + "| Notifications for everyone | " + (switches.notificationsEnabled() ? "**on**" : "**off**")
                + origin(Switches.NOTIFICATIONS) + " |\n"
                + "| Allow-list | " + allowList() + " |\n"
                + "| Inbox | " + inbox(now) + " |\n"
                + "| Replies from Mattermost | " + replies(now) + " |\n\n"
                + modes() + "\n\n"
                + problems(now);
    }

    /** "3 sent, 1 not sent (too long) in the last 24 hours; 1 waiting". */
    private String replies(Instant now) {
        ReplyRepository.Summary summary = replies.summary(now.minus(RECENT));
        long sent = summary.finishedByOutcome().getOrDefault("SENT", 0L);
        List<String> others = new ArrayList<>();
        summary.finishedByOutcome().forEach((outcome, count) -> {
            if (!outcome.equals("SENT")) {
                others.add(count + " " + outcome.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        });
        return sent + " sent" + (others.isEmpty() ? "" : ", not sent: " + String.join(", ", others))
                + " in the last 24 hours; " + summary.waiting() + " waiting";
    }

    private String subscription(Instant now) {
        if (!microsoft.subscription().enabled()) {
            return "none: `microsoft.subscription.enabled` is false";
        }
        if (microsoft.subscription().mode() == MicrosoftProperties.Mode.PER_USER) {
            io.teamsbridge.microsoft.subscriptions.UserSubscriptions.Coverage c =
                    io.teamsbridge.microsoft.subscriptions.UserSubscriptions.Coverage.read(subscriptions, links);
            String refused = c.refusals().isEmpty() ? "" : "; :warning: Graph refused " + c.refusals().size() + " (latest: "
                    + MarkdownText.inline(c.refusals().getLast().reason()) + ")";
            return "per-user: " + c.subscribed() + " of " + c.connected() + " connected users have one" + refused;
        }
        List<GraphSubscription> active = subscriptions.findActive();
        if (active.isEmpty()) {
            return ":warning: none: nobody is notified until one is created (see the log, or run `doctor`)";
        }
        GraphSubscription current = active.getLast();
        Duration left = Duration.between(now, current.expiresAt());
        return left.isNegative() ? ":warning: `" + current.id() + "` expired at " + WHEN.format(current.expiresAt())
                : "`" + current.id() + "` expires at " + WHEN.format(current.expiresAt()) + " (in " + left.toHours() + " h)";
    }

    /** The subscription modes side by side: permissions and the day's traffic. */
    private String modes() {
        StringBuilder out = new StringBuilder("Subscription modes (`microsoft.subscription.mode`):\n"
                + "| mode | application permissions | delegated | change notifications |\n|---|---|---|---|\n");
        for (io.teamsbridge.microsoft.subscriptions.SubscriptionModes.Option o : modes.options()) {
            String granted = o.missing() == null || o.applicationPermissions().isEmpty() ? "" : o.missing().isEmpty() ? " (granted)"
                    : " (:warning: missing " + String.join(", ", o.missing()) + ")";
            out.append("| ").append(o.inUse() ? "**" + o.name() + "** (in use)" : o.name()).append(" | ")
                    .append(o.applicationPermissionsText()).append(granted).append(" | ").append(o.delegatedUse())
                    .append(" | ").append(o.traffic()).append(" |\n");
        }
        return out.toString().stripTrailing();
    }

    private String connections() {
        AccountLinkRepository.ConnectionCounts counts = links.countByStatus();
        int limit = switches.maxUsers();
        return counts.active() + " active, " + counts.lost() + " lost; "
                + (limit == 0 ? "no limit" : "limit " + limit) + origin(Switches.MAX_USERS);
    }

    private String allowList() {
        int size = switches.allowList().size();
        return (size == 0 ? "none: everyone may connect" : size + " entr" + (size == 1 ? "y" : "ies")) + origin(Switches.ALLOW_LIST);
    }

    private String inbox(Instant now) {
        InboxSnapshot snapshot = inbox.snapshot();
        String oldest = snapshot.oldestWaitingReceivedAt().map(at -> ", oldest " + Duration.between(at, now).toSeconds() + " s")
                .orElse("");
        return snapshot.waiting() + " waiting" + oldest + "; " + snapshot.failed() + " failed";
    }

    private String origin(String name) {
        return switches.changed(name)
                .map(s -> " (set by " + MarkdownText.inline(s.updatedBy()) + " at " + WHEN.format(s.updatedAt()) + ")")
                .orElse(" (configuration)");
    }

    private String problems(Instant now) {
        Instant since = now.minus(RECENT);
        record Problem(Instant at, String text) {}
        List<Problem> found = new ArrayList<>();
        for (Decision d : decisions.latestWithOutcome(Decision.Outcome.GAVE_UP, since, PROBLEMS)) {
            found.add(new Problem(d.decidedAt(), "delivery to Mattermost user `" + d.mattermostUserId() + "` given up: "
                    + MarkdownText.inline(d.detail())));
        }
        for (InboxItem item : inbox.latestFailed(PROBLEMS)) {
            if (item.receivedAt().isAfter(since)) {
                found.add(new Problem(item.receivedAt(), "a " + item.changeType() + " notification failed: "
                        + MarkdownText.inline(item.lastError() == null ? "(no reason recorded)" : item.lastError())));
            }
        }
        if (found.isEmpty()) {
            return "No problems in the last 24 hours.";
        }
        StringBuilder out = new StringBuilder("Problems in the last 24 hours (newest first):\n");
        found.stream().sorted(Comparator.comparing(Problem::at).reversed()).limit(PROBLEMS)
                .forEach(p -> out.append("- ").append(WHEN.format(p.at())).append(": ").append(p.text()).append('\n'));
        return out.toString().stripTrailing();
    }
}
