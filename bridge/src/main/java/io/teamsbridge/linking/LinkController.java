package io.teamsbridge.linking;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.crypto.Tokens;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of connecting: {@code /connect} opens a link once, ties it to this browser with
 * a cookie and sends the browser to Microsoft; {@code /oauth/callback} is where Microsoft sends it
 * back. Both answer with an HTML page a person can read.
 */
@RestController
class LinkController {
    static final String BROWSER_COOKIE = "tb_connect";

    private final OAuthStateRepository states;
    private final SecretVault vault;
    private final Tokens tokens;
    private final MicrosoftIdentity identity;
    private final AccountLinker linker;
    private final Clock clock;
    private final boolean secureCookie;

    LinkController(OAuthStateRepository states, SecretVault vault, Tokens tokens, MicrosoftIdentity identity,
            AccountLinker linker, Clock clock, BridgeProperties bridge) {
        this.states = states;
        this.vault = vault;
        this.tokens = tokens;
        this.identity = identity;
        this.linker = linker;
        this.clock = clock;
        this.secureCookie = "https".equalsIgnoreCase(bridge.publicUrl().getScheme());
    }

    @GetMapping(path = ConnectLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> open(@RequestParam(name = "state", required = false) String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return page(ConnectOutcome.Refused.of("This connect link is not valid",
                    "Run /msteams connect in Mattermost for a new link."));
        }
        String hash = Tokens.sha256(state);
        Optional<OAuthState> found = states.find(hash);
        if (found.isEmpty()) {
            return page(ConnectOutcome.Refused.of("This connect link is not valid",
                    "Run /msteams connect in Mattermost for a new link."));
        }
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
        return ResponseEntity.status(302)
                .header(HttpHeaders.LOCATION, identity.authorizationUrl(state, verifier).toString())
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
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
            case ConnectOutcome.Connected connected -> ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, clear.toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(ConnectPages.connected(connected));
            case ConnectOutcome.Refused refused -> ResponseEntity.status(refused.status())
                    .header(HttpHeaders.SET_COOKIE, clear.toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(ConnectPages.refused(refused));
        };
    }

    private static ResponseEntity<String> page(ConnectOutcome.Refused refused) {
        return ResponseEntity.status(refused.status()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ConnectPages.refused(refused));
    }
}
