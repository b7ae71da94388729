package io.teamsbridge.microsoft.subscriptions;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.store.TrafficRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription modes side by side, for doctor and {@code /msteams admin}: the application
 * permissions each needs and whether they are granted now, and what the day's traffic was in the
 * mode in use (change notifications received, and how many could concern a connected user), so an
 * administrator sees what the tenant-wide mode costs in access and in traffic.
 */
public class SubscriptionModes {
    /** "The last 24 hours", by the hour: this hour and the 23 before it. */
    static final Duration DAY = Duration.ofHours(23);

    private final AppTokens appTokens;
    private final TrafficRepository traffic;
    private final MicrosoftProperties microsoft;
    private final boolean sharedFiles;
    private final Clock clock;

    public SubscriptionModes(AppTokens appTokens, TrafficRepository traffic, MicrosoftProperties microsoft, boolean sharedFiles,
            Clock clock) {
        this.appTokens = appTokens;
        this.traffic = traffic;
        this.microsoft = microsoft;
        this.sharedFiles = sharedFiles;
        this.clock = clock;
    }

    /**
     * One way of subscribing.
     *
     * @param missing the needed application permissions not granted now (empty when all are, null when unknown)
     */
    public record Option(String name, boolean inUse, List<String> applicationPermissions, List<String> missing,
            String delegatedUse, String traffic) {
        /** The application permissions as a list to read, or "none". */
        public String applicationPermissionsText() {
            return applicationPermissions.isEmpty() ? "none" : String.join(", ", applicationPermissions);
        }
    }

    /** The three ways, the one in use first. */
    public List<Option> options() {
        Optional<Set<String>> granted = grantedApplicationPermissions();
        TrafficRepository.Totals day = traffic.since(clock.instant().minus(DAY));
        MicrosoftProperties.Subscription settings = microsoft.subscription();
        boolean tenantInUse = settings.mode() == MicrosoftProperties.Mode.TENANT;
        boolean delegatedInUse = settings.usersOwnTokens();
        String measured = String.format("%,d received in the last 24 hours; %,d could concern a connected user", day.received(),
                day.concerning());
        String perUserEstimate = tenantInUse
                ? String.format("about %,d, once for each connected member of their chats", day.concerning())
                : measured;
        String tenantEstimate = tenantInUse ? measured
                : "every chat message of the organisation (not seen in this mode: at least the " + String.format("%,d", day.received())
                        + " received)";
        List<Option> options = new ArrayList<>();
        options.add(option("tenant", tenantInUse, List.of("Chat.Read.All", "Presence.Read.All"), granted,
                "sign-in only (Chat.Read is asked for, not used)", tenantEstimate));
        options.add(option("per-user, delegated tokens", delegatedInUse, List.of(), granted,
                "Chat.Read and Presence.Read.All: each user's subscription, the chats they are in, and presence (read by the app "
                        + "instead where it holds Presence.Read.All)", perUserEstimate));
        options.add(option("per-user, application token", !tenantInUse && !delegatedInUse, List.of("Chat.Read.All",
                "Presence.Read.All"), granted, "sign-in only", perUserEstimate));
        options.sort((a, b) -> Boolean.compare(b.inUse(), a.inUse()));
        return options;
    }

    private Option option(String name, boolean inUse, List<String> needed, Optional<Set<String>> granted, String delegated,
            String estimate) {
        Set<String> all = new LinkedHashSet<>(needed);
        if (sharedFiles) {
            all.add("Files.Read.All");
        }
        List<String> missing = granted.map(g -> all.stream().filter(p -> !g.contains(p)).toList()).orElse(null);
        return new Option(name, inUse, List.copyOf(all), missing, delegated, estimate);
    }

    /** The app's permissions as its token says ({@code roles}); empty when no token can be had or read now. */
    private Optional<Set<String>> grantedApplicationPermissions() {
        try {
            return AppTokens.roles(appTokens.token());
        } catch (MicrosoftIdentityException e) {
            return Optional.empty();
        }
    }
}
