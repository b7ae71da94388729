package io.teamsbridge.ops;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.CertificateRepository;
import io.teamsbridge.store.StoredCertificate;
import io.teamsbridge.store.TeamCommand;
import io.teamsbridge.store.TeamCommandRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a key rotation: every long-lived secret still sealed with a key from
 * {@code bridge.previous-encryption-keys} is sealed again with {@code bridge.encryption-key}, so the
 * old key can be removed from the configuration once the log says nothing is left. Connect links
 * are short-lived and simply expire.
 */
public class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SecretVault vault;
    private final AccountLinkRepository links;
    private final TeamCommandRepository commands;
    private final CertificateRepository certificates;

    public KeyRotation(SecretVault vault, AccountLinkRepository links, TeamCommandRepository commands,
            CertificateRepository certificates) {
        this.vault = vault;
        this.links = links;
        this.commands = commands;
        this.certificates = certificates;
    }

    /** Re-seals what needs it; returns how many values were re-sealed. */
    public int resealAll() {
        int count = 0;
        for (AccountLink link : links.findAll()) {
            if (vault.needsReseal(link.tokensSealed())) {
                String context = AccountLink.vaultContext(link.mattermostUserId());
                count += links.reseal(link.mattermostUserId(), link.tokensSealed(),
                        vault.seal(vault.open(link.tokensSealed(), context), context)) ? 1 : 0;
            }
        }
        for (TeamCommand command : commands.findAll()) {
            if (vault.needsReseal(command.tokenSealed())) {
                String context = TeamCommand.vaultContext(command.teamId());
                count += commands.reseal(command.teamId(), command.tokenSealed(),
                        vault.seal(vault.open(command.tokenSealed(), context), context)) ? 1 : 0;
            }
        }
        for (StoredCertificate certificate : certificates.findAll()) {
            if (vault.needsReseal(certificate.privateKeySealed())) {
                String context = StoredCertificate.vaultContext(certificate.id());
                count += certificates.reseal(certificate.id(), certificate.privateKeySealed(),
                        vault.seal(vault.open(certificate.privateKeySealed(), context), context)) ? 1 : 0;
            }
        }
        if (count > 0) {
            log.info("Re-encrypted {} stored secret(s) with the key {} (bridge.encryption-key); "
                    + "bridge.previous-encryption-keys is no longer needed for them.", count, vault.currentKeyId());
        }
        return count;
    }
}
