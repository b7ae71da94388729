package io.teamsbridge.doctor;

import io.teamsbridge.config.ContentProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The app registration as Microsoft sees it: an app-only token is issued, and its {@code roles}
 * claim holds every application permission the bridge uses with this configuration, each granted
 * with admin consent. A token just fetched is read, never a cached one, so a consent just given or
 * withdrawn shows.
 */
final class MicrosoftCheck implements Check {
    private final AppTokens tokens;
    private final MicrosoftProperties settings;
    private final ContentProperties content;

    MicrosoftCheck(AppTokens tokens, MicrosoftProperties settings, ContentProperties content) {
        this.tokens = tokens;
        this.settings = settings;
        this.content = content;
    }

    /** The application permissions needed with this configuration. */
    Set<String> required() {
        // With the users' own tokens, presence may be read with theirs (see the presence check).
        Set<String> needed = new LinkedHashSet<>(settings.subscription().usersOwnTokens() ? List.of()
                : List.of("Chat.Read.All", "Presence.Read.All"));
        if (content.uploadSharedFiles()) {
            needed.add("Files.Read.All");
        }
        return needed;
    }

    @Override
    public List<Finding> run() {
        String token;
        try {
            tokens.invalidate();
            token = tokens.token();
        } catch (MicrosoftIdentityException e) {
            return List.of(Finding.fail("Microsoft app token", Messages.firstLine(e),
                    "check microsoft.tenant-id, microsoft.client-id and microsoft.client-secret (a secret's Value, not its "
                            + "ID; not expired), and that this host reaches " + settings.authorityBase()));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.pass("Microsoft app token", "issued by " + settings.authorityBase() + " for tenant " + settings.tenantId()));
        Set<String> granted = AppTokens.roles(token).orElse(null);
        if (granted == null) {
            findings.add(Finding.warn("Microsoft application permissions", "the app token cannot be read, so its permissions are unknown",
                    "make sure these are granted with admin consent: " + String.join(", ", required())));
            return findings;
        }
        List<String> missing = required().stream().filter(p -> !granted.contains(p)).toList();
        if (required().isEmpty()) {
            findings.add(Finding.pass("Microsoft application permissions", "none needed with this configuration"));
        } else if (missing.isEmpty()) {
            findings.add(Finding.pass("Microsoft application permissions", "granted: " + String.join(", ", required())));
        } else {
            findings.add(Finding.fail("Microsoft application permissions", "missing: " + String.join(", ", missing),
                    "in the Entra admin center open App registrations > your app > API permissions > Add a permission > "
                            + "Microsoft Graph > Application permissions, add " + String.join(", ", missing)
                            + ", then choose Grant admin consent"));
        }
        return findings;
    }
}
