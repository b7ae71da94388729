package io.teamsbridge.linking;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.TokenCodec;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.store.AccountLink;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What a connection lacks: the permissions this configuration's sign-in asks for that the
 * connection's own sign-in did not grant (it was made before they were asked for). Reads no network.
 */
@Component
class ConnectionGrants {
    private final SecretVault vault;
    private final MicrosoftIdentity identity;

    ConnectionGrants(SecretVault vault, MicrosoftIdentity identity) {
        this.vault = vault;
        this.identity = identity;
    }

    Set<String> missing(AccountLink link) {
        TokenSet tokens = TokenCodec.decode(vault.open(link.tokensSealed(), AccountLink.vaultContext(link.mattermostUserId())));
        Set<String> missing = new TreeSet<>(identity.signInPermissions());
        missing.removeAll(tokens.permissions());
        return missing;
    }
}
