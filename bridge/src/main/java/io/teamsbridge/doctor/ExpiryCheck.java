package io.teamsbridge.doctor;

import io.teamsbridge.microsoft.CredentialExpiry;
import io.teamsbridge.microsoft.NotificationCertificates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long the credentials last: the client secret (from {@code microsoft.client-secret-expires}: Entra
 * does not tell the app) and the certificate Graph encrypts notifications with (Graph does not check
 * its dates, so an expired one is a warning only).
 */
final class ExpiryCheck implements Check {
    static final Duration SOON = Duration.ofDays(30);

    private final CredentialExpiry credentials;
    private final NotificationCertificates certificates;
    private final Clock clock;

    ExpiryCheck(CredentialExpiry credentials, NotificationCertificates certificates, Clock clock) {
        this.credentials = credentials;
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    public List<Finding> run() {
        return List.of(secret(), certificate());
    }

    private Finding secret() {
        String name = "Client secret";
        Optional<Instant> expires = credentials.clientSecret();
        String renew = "create a new client secret (App registrations > your app > Certificates & secrets), set "
                + "microsoft.client-secret and microsoft.client-secret-expires, and restart";
        if (expires.isEmpty()) {
            return Finding.warn(name, "expiry unknown", "set microsoft.client-secret-expires to the date Entra shows for the "
                    + "secret, so doctor and the metrics warn before it runs out");
        }
        Duration left = Duration.between(clock.instant(), expires.get());
        if (left.isNegative()) {
            return Finding.fail(name, "expired at " + expires.get(), renew);
        }
        if (left.compareTo(SOON) < 0) {
            return Finding.warn(name, "expires at " + expires.get() + " (in " + left.toDays() + " days)", renew);
        }
        return Finding.pass(name, "expires at " + expires.get() + " (in " + left.toDays() + " days)");
    }

    private Finding certificate() {
        String name = "Notification certificate";
        Optional<Instant> expires;
        try {
            expires = certificates.activeExpiryWithoutCreating();
        } catch (io.teamsbridge.config.StartupCheckException e) {
            return Finding.fail(name, "cannot be read: " + Messages.firstLine(e),
                    "check microsoft.subscription.certificate-file and microsoft.subscription.certificate-password");
        } catch (RuntimeException e) {
            return Finding.warn(name, "unknown: the database cannot be read", "see the database check");
        }
        if (expires.isEmpty()) {
            return Finding.pass(name, "none yet: teams-bridge generates one at its first start");
        }
        Duration left = Duration.between(clock.instant(), expires.get());
        if (left.isNegative()) {
            return Finding.warn(name, "expired at " + expires.get() + " (Graph does not check it, so notifications still arrive)",
                    "replace it if your policy requires valid certificates (see the admin guide, The notification certificate)");
        }
        return Finding.pass(name, "expires at " + expires.get() + " (in " + left.toDays() + " days)");
    }
}
