package io.teamsbridge.microsoft;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import org.springframework.stereotype.Component;

/**
 * Which permissions the connected users' sign-ins granted, counted over every connection: for the
 * doctor and status, not for the pipeline (each sealed token set is opened).
 */
@Component
public class GrantedPermissions {
    private final AccountLinkRepository links;
    private final SecretVault vault;

    public GrantedPermissions(AccountLinkRepository links, SecretVault vault) {
        this.links = links;
        this.vault = vault;
    }

    /** How many connected users' sign-ins granted a permission, of how many are connected. */
    public record Grants(long granting, long connected) {}

    /** How many of the connected users' sign-ins granted {@code permission}, of how many connected. */
    public Grants count(String permission) {
        long granting = 0;
        long connected = 0;
        for (AccountLink link : links.findAll()) {
            if (link.active()) {
                connected++;
                granting += TokenCodec.decode(vault.open(link.tokensSealed(), AccountLink.vaultContext(link.mattermostUserId())))
                        .grants(permission) ? 1 : 0;
            }
        }
        return new Grants(granting, connected);
    }
}
