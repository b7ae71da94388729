package io.teamsbridge.linking;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.render.MarkdownText;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a user who asks to connect is told, whether by {@code /msteams connect} or a Connect
 * button: a fresh one-time link, or why there is none (already connected, not allowed, or
 * Mattermost could not be asked).
 */
@Component
class ConnectOffer {
    private static final Logger log = LoggerFactory.getLogger(ConnectOffer.class);

    private final AccountLinkRepository links;
    private final ConnectLinks connectLinks;
    private final ConnectGate gate;
    private final ConnectionGrants grants;
    private final String trigger;

    ConnectOffer(AccountLinkRepository links, ConnectLinks connectLinks, ConnectGate gate, ConnectionGrants grants,
            MattermostProperties mattermost) {
        this.links = links;
        this.connectLinks = connectLinks;
        this.gate = gate;
        this.grants = grants;
        this.trigger = "/" + mattermost.commandTrigger();
    }

    /** The answer, and whether the user is connected already (then Settings and Disconnect help more than a link). */
    record Offer(String text, boolean connected) {}

    Offer to(String mattermostUserId) {
        Optional<AccountLink> link = links.findByMattermostUser(mattermostUserId);
        java.util.Set<String> missing = link.filter(AccountLink::active).map(grants::missing).orElse(java.util.Set.of());
        if (!missing.isEmpty()) {
            return new Offer("[Connect again](" + connectLinks.create(mattermostUserId) + ") to give teams-bridge what your "
                    + "connection was made without: " + uses(missing) + ". Sign in with the same Microsoft account, **"
                    + MarkdownText.inline(link.get().teamsUpn()) + "**; your settings stay. The link works once and expires in "
                    + Math.max(1, connectLinks.lifetime().toMinutes()) + " minutes.", true);
        }
        if (link.isPresent() && link.get().active()) {
            return new Offer("You are already connected to Microsoft Teams as **" + MarkdownText.inline(link.get().teamsDisplayName())
                    + "** (" + MarkdownText.inline(link.get().teamsUpn()) + "). To connect another account, run `" + trigger
                    + " disconnect` first.", true);
        }
        Optional<String> refusal;
        try {
            refusal = gate.refusal(mattermostUserId);
        } catch (MattermostException e) {
            log.warn("Could not check whether Mattermost user {} may connect: {}", mattermostUserId, e.getMessage());
            return new Offer("Your account could not be checked right now because Mattermost did not answer. "
                    + "Please try again in a minute.", false);
        }
        if (refusal.isPresent()) {
            return new Offer(refusal.get(), false);
        }
        String url = connectLinks.create(mattermostUserId);
        long minutes = Math.max(1, connectLinks.lifetime().toMinutes());
        return new Offer("[Connect your Microsoft Teams account](" + url + ")\n\n"
                + "Sign in with the Microsoft account that uses the same email address as your Mattermost account. "
                + "The link works once and expires in " + minutes + " minutes.", false);
    }

    /** What each permission a connection lacks is for, as a user reads it. */
    static String uses(java.util.Set<String> permissions) {
        return permissions.stream().map(p -> switch (p) {
            case "ChatMessage.Send" -> "sending your replies into Teams chats (ChatMessage.Send)";
            case "Presence.Read.All" -> "reading the presence of the people you chat with (Presence.Read.All)";
            default -> p;
        }).collect(java.util.stream.Collectors.joining("; "));
    }
}
