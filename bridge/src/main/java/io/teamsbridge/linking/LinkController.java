package io.teamsbridge.linking;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.MattermostWire;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.store.OAuthState;
import io.teamsbridge.store.OAuthStateRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of connecting: {@code GET /connect} shows which Mattermost account the link
 * connects; its Continue button ({@code POST /connect}) spends the link, ties it to this browser
 * with a cookie and sends the browser to Microsoft; {@code /oauth/callback} is where Microsoft
 * sends it back. Every answer is an HTML page a person can read.
 */
@RestController
class LinkController {
    /** The slash command as this Mattermost knows it, for what the pages tell people to type. */
    private final String command;
    static final String BROWSER_COOKIE = "tb_connect";

    private final OAuthStateRepository states;
    private final SecretVault vault;
    private final Tokens tokens;
    private final MicrosoftIdentity identity;
    private final AccountLinker linker;
    private final Clock clock;
    private final MattermostClient mattermost;
    private final boolean secureCookie;
    private final String publicOrigin;

    LinkController(OAuthStateRepository states, SecretVault vault, Tokens tokens, MicrosoftIdentity identity,
            AccountLinker linker, Clock clock, BridgeProperties bridge, MattermostClient mattermost,
            io.teamsbridge.config.MattermostProperties mattermostSettings) {
        this.states = states;
        this.vault = vault;
        this.tokens = tokens;
        this.identity = identity;
        this.linker = linker;
        this.clock = clock;
        this.mattermost = mattermost;
        this.secureCookie = "https".equalsIgnoreCase(bridge.publicUrl().getScheme());
        java.net.URI url = bridge.publicUrl();
        this.publicOrigin = url.getScheme() + "://" + url.getRawAuthority();
        this.command = "/" + mattermostSettings.commandTrigger();
    }

    /**
     * The link from {@code /msteams connect}: a page that names the Mattermost account the link
     * connects and asks to continue. Opening it changes nothing, so a link shown to someone else
     * (or fetched by a link preview) is not spent, and a person who did not ask for it sees whose
     * account they would be connecting before they sign in.
     */
    @GetMapping(path = ConnectLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> open(@RequestParam(name = "state", required = false) String state) {
        Optional<OAuthState> found = usable(state);
        if (found.isEmpty()) {
            return page(notUsable(state));
        }
        MattermostWire.User user;
        try {
            user = mattermost.user(found.get().mattermostUserId());
        } catch (MattermostException e) {
            return page(new ConnectOutcome.Refused("Your Mattermost account could not be read",
                    "Mattermost did not answer as expected. Please open the link again in a minute.", 502));
        }
        return secured(ResponseEntity.ok()).body(ConnectPages.confirm(user, state, ConnectLinks.PATH.substring(1)));
    }

    /**
     * Continue on the confirm page: ties the link to this browser with a cookie and sends the browser
     * to Microsoft. Only a form posted from our own page may do this; a cross-site request is refused.
     */
    @PostMapping(path = ConnectLinks.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> proceed(@RequestParam(name = "state", required = false) String state,
            @RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite,
            @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
        if (!fromOurPage(fetchSite, origin)) {
            return page(new ConnectOutcome.Refused("This request did not come from the connect page",
                    "Open the link from " + command + " connect and press Continue there.", 403));
        }
        Optional<OAuthState> found = usable(state);
        if (found.isEmpty()) {
            return page(notUsable(state));
        }
        String hash = Tokens.sha256(state);
        String browser = tokens.random();
        if (!states.markOpened(hash, Tokens.sha256(browser), clock.instant())) {
            return page(ConnectOutcome.Refused.of("This connect link was used already or has expired",
                    "A link works once and for a limited time. Run /msteams connect in Mattermost for a new one."));
        }
        String verifier = vault.open(found.get().verifierSealed(), OAuthState.vaultContext(hash));
        ResponseCookie cookie = ResponseCookie.from(BROWSER_COOKIE, browser)
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite("Lax")
                .path(MicrosoftIdentity.CALLBACK_PATH)
                .maxAge(found.get().expiresAt().getEpochSecond() - clock.instant().getEpochSecond())
                .build();
        return secured(ResponseEntity.status(303))
                .header(HttpHeaders.LOCATION, identity.authorizationUrl(state, verifier).toString())
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .build();
    }

    /**
     * Whether a form post comes from our own page. Browsers say where a request comes from in
     * {@code Sec-Fetch-Site}; where they do not, a foreign {@code Origin} gives it away. A
     * same-origin post from a page with {@code Referrer-Policy: no-referrer} carries
     * {@code Origin: null}, so that value alone proves nothing either way.
     */
    private boolean fromOurPage(String fetchSite, String origin) {
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        return origin == null || origin.equals("null") || origin.equals(publicOrigin);
    }

    /** The state of a link that has been neither opened nor used and has not expired; reads only. */
    private Optional<OAuthState> usable(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        return states.find(Tokens.sha256(state))
                .filter(s -> s.openedAt() == null && s.usedAt() == null && s.expiresAt().isAfter(clock.instant()));
    }

    private ConnectOutcome.Refused notUsable(String state) {
        boolean known = state != null && !state.isBlank() && state.length() <= 200 && states.find(Tokens.sha256(state)).isPresent();
        return known
                ? ConnectOutcome.Refused.of("This connect link was used already or has expired",
                        "A link works once and for a limited time. Run /msteams connect in Mattermost for a new one.")
                : ConnectOutcome.Refused.of("This connect link is not valid", "Run " + command + " connect in Mattermost for a new link.");
    }

    @GetMapping(path = MicrosoftIdentity.CALLBACK_PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            @CookieValue(name = BROWSER_COOKIE, required = false) String browser) {
        ConnectOutcome outcome = linker.complete(new AccountLinker.Callback(state, code, error, errorDescription, browser));
        ResponseCookie clear = ResponseCookie.from(BROWSER_COOKIE, "").path(MicrosoftIdentity.CALLBACK_PATH).maxAge(0).build();
        return switch (outcome) {
            case ConnectOutcome.Connected connected -> secured(ResponseEntity.ok())
                    .header(HttpHeaders.SET_COOKIE, clear.toString())
                    .body(ConnectPages.connected(connected));
            case ConnectOutcome.Refused refused -> secured(ResponseEntity.status(refused.status()))
                    .header(HttpHeaders.SET_COOKIE, clear.toString())
                    .body(ConnectPages.refused(refused));
        };
    }

    private static ResponseEntity<String> page(ConnectOutcome.Refused refused) {
        return secured(ResponseEntity.status(refused.status())).body(ConnectPages.refused(refused));
    }

    /**
     * Headers every page here carries: never cached (it holds one person's link), never framed (no
     * clickjacking of the Continue button), no scripts or outside resources, no referrer (the URL
     * holds the state).
     */
    private static ResponseEntity.BodyBuilder secured(ResponseEntity.BodyBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
                        + "base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
