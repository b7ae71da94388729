package io.teamsbridge.microsoft;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.microsoft.changes.ValidationTokenVerifier;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MicrosoftConfiguration {

    /** Graph signs validation tokens with the identity platform's keys of the configured cloud. */
    @Bean
    ValidationTokenVerifier validationTokenVerifier(MicrosoftProperties microsoft, Clock clock, OutboundClients clients) {
        return new ValidationTokenVerifier(URI.create(microsoft.authorityBase() + "/common/discovery/keys"),
                microsoft.clientId(), microsoft.tenantId(), microsoft.cloud().tokenIssuers(microsoft.tenantId()), clock,
                clients.keyRetriever(ValidationTokenVerifier.KEYS_TIMEOUT, ValidationTokenVerifier.KEYS_MAX_BYTES));
    }
}
