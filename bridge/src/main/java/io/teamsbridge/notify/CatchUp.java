package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.CatchUpRepository;
import io.teamsbridge.store.CatchUpWindow;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.NewInboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * [catch-up] Fetches the messages of a gap again and feeds them through the same inbox, so a gap
 * in Graph's notifications loses nothing and the inbox's keys and the delivery table keep it
 * exactly once. A gap is scheduled when Graph reports {@code missed} or removed the subscription
 * ({@link #scheduleRecent}), when a check finds the subscription gone without a word, and at start
 * after downtime: the instance running this job writes a
 * heartbeat every pass, and a heartbeat older than {@link #DOWNTIME} means nobody was listening
 * since.
 *
 * <p>A window is gone through per connected user, with {@code GET
 * /users/{id}/chats/getAllMessages} and a {@code lastModifiedDateTime} range (Graph's polling
 * rule: a date range, never as a live feed), or, where the app may not list it (the per-user mode
 * with delegated tokens and no Chat.Read.All), with the user's own token chat by chat
 * ({@link MemberGaps}), at most {@link #REQUESTS_PER_PASS} requests per pass
 * and stopping at the first 429 or outage; progress is kept per user, so the next pass goes on
 * where this one stopped. New messages become {@code created} changes, deleted ones
 * {@code deleted}, edited ones {@code updated}; messages older than the age limit are not
 * delivered late, and system events are skipped. Fetched messages are kept sealed by the vault.
 */
@Component
public class CatchUp {
    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A heartbeat older than this at start means the bridge was not listening. */
    static final Duration DOWNTIME = Duration.ofMinutes(2);
    /** How far before the last heartbeat a downtime window starts (notifications in flight then). */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Graph's clock may disagree with ours by minutes: every window is widened by this on both ends. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    static final int REQUESTS_PER_PASS = 200;
    static final int PAGES_PER_USER = 100;
    static final String SUBSCRIPTION = "catch-up";
    private static final String BY_MEMBER = SUBSCRIPTION + "/";

    private final GraphClient graph;
    private final MemberGaps memberGaps;
    private final AccountLinkRepository links;
    private final InboxRepository inbox;
    private final CatchUpRepository windows;
    private final SecretVault vault;
    private final InboxSignal signal;
    private final Clock clock;
    private final NotificationsProperties settings;
    private final Counter recovered;
    private final Counter runs;

    CatchUp(GraphClient graph, MemberGaps memberGaps, AccountLinkRepository links, InboxRepository inbox, CatchUpRepository windows, SecretVault vault,
            InboxSignal signal, Clock clock, NotificationsProperties settings, MeterRegistry meters) {
        this.graph = graph;
        this.memberGaps = memberGaps;
        this.links = links;
        this.inbox = inbox;
        this.windows = windows;
        this.vault = vault;
        this.signal = signal;
        this.clock = clock;
        this.settings = settings;
        this.recovered = Counter.builder("teamsbridge.catchup.recovered")
                .description("Changes the catch-up found that the inbox did not have").register(meters);
        this.runs = Counter.builder("teamsbridge.catchup.runs").description("Catch-up windows gone through").register(meters);
    }

    /**
     * The subscription id the changes a member's own listing found are kept under: the chats they
     * are in are then read with that member's token as well.
     */
    static String subscriptionOf(String teamsUserId) {
        return BY_MEMBER + teamsUserId;
    }

    /** The member whose listing found a change kept under this subscription id, if one did. */
    static Optional<String> memberOf(String subscriptionId) {
        return subscriptionId.startsWith(BY_MEMBER) ? Optional.of(subscriptionId.substring(BY_MEMBER.length())) : Optional.empty();
    }

    /** Whether a change kept under this subscription id was fetched by the catch-up rather than notified. */
    static boolean fetched(String subscriptionId) {
        return SUBSCRIPTION.equals(subscriptionId) || subscriptionId.startsWith(BY_MEMBER);
    }

    /** Schedules the last {@code notifications.catch-up-window} (Graph did not say how long the gap was). */
    public void scheduleRecent(String reason) {
        Instant now = clock.instant();
        windows.schedule(now.minus(settings.catchUpWindow()), now, reason, now);
        log.info("Catch-up scheduled for the last {} ({}).", settings.catchUpWindow(), reason);
    }

    /**
     * The last {@code notifications.catch-up-window} for one user only: their own subscription (the
     * per-user mode) is the one that had a gap.
     */
    public void scheduleRecentFor(String teamsUserId, String reason) {
        Instant now = clock.instant();
        windows.schedule(now.minus(settings.catchUpWindow()), now, reason, now, teamsUserId);
        log.info("Catch-up scheduled for the last {} of Teams user {} ({}).", settings.catchUpWindow(), teamsUserId, reason);
    }

    /** Graph lost the subscription without a word: the time since is a gap (for its user only, if it had one). */
    @org.springframework.context.event.EventListener
    void onSubscriptionLost(io.teamsbridge.microsoft.subscriptions.SubscriptionLost lost) {
        String reason = "Graph no longer had subscription " + lost.subscriptionId();
        if (lost.teamsUserId() != null) {
            scheduleRecentFor(lost.teamsUserId(), reason);
        } else {
            scheduleRecent(reason);
        }
    }

    /** One pass of the job: the heartbeat, downtime detection, and some of the oldest window. */
    public void pass() {
        Instant now = clock.instant();
        Optional<Instant> lastAlive = windows.lastAlive();
        windows.touchAlive(now);
        if (lastAlive.isPresent() && lastAlive.get().plus(DOWNTIME).isBefore(now)) {
            Instant from = lastAlive.get().minus(MARGIN);
            windows.schedule(from, now, "nobody listened for " + Duration.between(lastAlive.get(), now).toMinutes()
                    + " min", now);
            log.info("No instance listened between {} and {}: catching up on that time.", lastAlive.get(), now);
        }
        windows.next().ifPresent(this::goThrough);
    }

    private void goThrough(CatchUpWindow window) {
        Instant now = clock.instant();
        Instant oldest = now.minus(settings.maxAge());
        Instant from = window.from().minus(CLOCK_SKEW).isBefore(oldest) ? oldest : window.from().minus(CLOCK_SKEW);
        Instant to = window.to().plus(CLOCK_SKEW);
        int found = window.recovered();
        int requests = window.graphRequests();
        int budget = REQUESTS_PER_PASS;
        boolean asMembers = memberGaps.needed();
        for (AccountLink link : links.findAll()) {
            if (!link.active() || window.doneThroughUser() != null
                    && link.mattermostUserId().compareTo(window.doneThroughUser()) <= 0
                    || window.teamsUserId() != null && !window.teamsUserId().equals(link.teamsUserId())) {
                continue;
            }
            if (budget <= 0) {
                return; // the next pass goes on from here
            }
            UserResult result = fetch(link, from, to, oldest, budget, asMembers);
            requests += result.requests();
            budget -= result.requests();
            found += result.inserted();
            if (result.stoppedBy() != null) {
                windows.progress(window.id(), window.doneThroughUser(), found, requests);
                log.info("Catch-up paused at Mattermost user {} ({}); it goes on shortly.", link.mattermostUserId(),
                        result.stoppedBy());
                return;
            }
            windows.progress(window.id(), link.mattermostUserId(), found, requests);
            window = window.withProgress(link.mattermostUserId(), found, requests);
        }
        windows.finish(window.id(), found, requests, clock.instant());
        runs.increment();
        log.info("Catch-up of {} to {} ({}) is done: {} change(s) recovered with {} Graph request(s).", from, window.to(),
                window.reason(), found, requests);
    }

    private record UserResult(int requests, int inserted, String stoppedBy) {}

    /** What one user's listing found so far, kept when it stops halfway, and whether it got to the end. */
    static final class Listing {
        final List<JsonNode> messages = new ArrayList<>();
        int requests;
        boolean complete;
    }

    /**
     * Every page of the user's changed messages, then the changes into the inbox oldest first, so
     * each chat's messages keep their order there (Graph lists the newest first). A listing the
     * pass's budget cut short is done again, whole, by the next pass (the inbox keys make the
     * repeats harmless); one that a whole budget cannot finish is kept as far as it got.
     */
    private UserResult fetch(AccountLink link, Instant from, Instant to, Instant oldest, int budget, boolean asMember) {
        Listing listing = new Listing();
        String stoppedBy = null;
        try {
            if (asMember) {
                memberGaps.list(link.teamsUserId(), from, to, budget, listing);
            } else {
                listAsApp(link.teamsUserId(), from, to, budget, listing);
            }
        } catch (GraphException e) {
            if (e.permanentFailure()) {
                log.warn("Catch-up skipped Teams user {}: {}", link.teamsUserId(), e.getMessage());
                listing.complete = true;
            } else {
                stoppedBy = e.getMessage();
            }
        } catch (MicrosoftIdentityException e) {
            stoppedBy = e.getMessage();
        }
        if (stoppedBy == null && !listing.complete) {
            if (budget < REQUESTS_PER_PASS) {
                stoppedBy = "this pass's Graph requests are spent";
            } else {
                log.warn("Catch-up of Teams user {} stopped after {} Graph requests; changes past them are not fetched.",
                        link.teamsUserId(), listing.requests);
            }
        }
        List<JsonNode> fetched = listing.messages;
        fetched.sort(java.util.Comparator.comparing((JsonNode m) -> m.path("lastModifiedDateTime").asString(""))
                .thenComparing(m -> m.path("id").asString("")));
        String subscription = asMember ? subscriptionOf(link.teamsUserId()) : SUBSCRIPTION;
        int inserted = fetched.isEmpty() ? 0 : inbox.insertAll(changes(fetched, from, oldest, subscription), clock.instant());
        if (inserted > 0) {
            recovered.increment(inserted);
            signal.signal();
        }
        return new UserResult(listing.requests, inserted, stoppedBy);
    }

    /** The user's changed messages in every chat, as the app lists them (application Chat.Read.All). */
    private void listAsApp(String teamsUserId, Instant from, Instant to, int budget, Listing into) {
        Set<String> seenLinks = new HashSet<>();
        GraphClient.ListPage page = null;
        for (int pages = 0; pages < PAGES_PER_USER; pages++) {
            if (into.requests >= budget) {
                return;
            }
            page = page == null ? graph.chatMessagesChanged(teamsUserId, from, to) : graph.nextMessages(page.nextLink());
            into.requests++;
            into.messages.addAll(page.items());
            if (page.nextLink() == null || !seenLinks.add(page.nextLink())) {
                break; // done, or Graph repeating a link (a known paging bug): stop rather than loop
            }
        }
        into.complete = true;
    }

    /** The inbox changes for fetched messages, in their order. */
    private List<NewInboxItem> changes(List<JsonNode> messages, Instant from, Instant oldest, String subscription) {
        List<NewInboxItem> out = new ArrayList<>();
        for (JsonNode message : messages) {
            Optional<MessageRef> ref = MessageRef.parse("chats('" + message.path("chatId").asString("") + "')/messages('"
                    + message.path("id").asString("") + "')");
            Instant created = time(message.path("createdDateTime").asString(null));
            if (ref.isEmpty() || created == null || created.isBefore(oldest)
                    || !"message".equals(message.path("messageType").asString(""))) {
                continue;
            }
            String sealed = vault.seal(JSON.writeValueAsString(message), StoredChange.sealContext(ref.get()));
            if (message.hasNonNull("deletedDateTime")) {
                out.add(item(ChangeType.DELETED, ref.get(), "", sealed, subscription));
                continue;
            }
            if (!created.isBefore(from)) {
                out.add(item(ChangeType.CREATED, ref.get(), "", sealed, subscription)); // known already if its notification came
            }
            if (message.hasNonNull("lastEditedDateTime")) {
                out.add(item(ChangeType.UPDATED, ref.get(), "fetched " + message.path("lastModifiedDateTime").asString(""), sealed,
                        subscription));
            }
        }
        return out;
    }

    private NewInboxItem item(ChangeType type, MessageRef ref, String version, String sealedMessage, String subscription) {
        String resource = "chats('" + ref.chatId() + "')/messages('" + ref.messageId() + "')";
        StoredChange change = new StoredChange(subscription, type.wire(), resource, null, null, sealedMessage);
        return new NewInboxItem(InboxKeys.of(type, ref, version), subscription, type.wire(), ref.chatId(), ref.messageId(),
                JSON.writeValueAsString(change));
    }

    /** An ISO 8601 instant with offset, as Graph writes them; null when absent or not one. */
    static Instant time(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
