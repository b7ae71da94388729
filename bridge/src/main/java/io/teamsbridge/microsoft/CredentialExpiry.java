package io.teamsbridge.microsoft;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.teamsbridge.config.MicrosoftProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When the credentials Microsoft relies on run out: the client secret ({@code microsoft.client-secret-expires},
 * the end of that day in UTC; Entra does not tell the app) and the certificate Graph encrypts
 * notifications with. Exported as {@code teamsbridge.client.secret.expiry.timestamp.seconds} and
 * {@code teamsbridge.certificate.expiry.timestamp.seconds} (Unix time; NaN when unknown), for alerts
 * well before either stops the service.
 */
@Component
public class CredentialExpiry implements MeterBinder {
    private final MicrosoftProperties properties;
    private final NotificationCertificates certificates;

    CredentialExpiry(MicrosoftProperties properties, NotificationCertificates certificates) {
        this.properties = properties;
        this.certificates = certificates;
    }

    /** The end of the day the secret expires, when configured. */
    public Optional<Instant> clientSecret() {
        return Optional.ofNullable(properties.clientSecretExpires())
                .map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The notification certificate's notAfter. */
    public Instant certificate() {
        return certificates.active().expiresAt();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("teamsbridge.client.secret.expiry.timestamp.seconds", this,
                        e -> e.clientSecret().map(at -> at.getEpochSecond() + 0.0).orElse(Double.NaN))
                .description("When the Entra app's client secret expires (Unix time; NaN when microsoft.client-secret-expires is unset)")
                .register(meters);
        Gauge.builder("teamsbridge.certificate.expiry.timestamp.seconds", this, e -> e.certificate().getEpochSecond() + 0.0)
                .description("When the certificate Graph encrypts notifications with expires (Unix time)")
                .register(meters);
    }
}
