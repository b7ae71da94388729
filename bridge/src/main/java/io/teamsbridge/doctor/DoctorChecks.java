package io.teamsbridge.doctor;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.ContentProperties;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundClients;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.CredentialExpiry;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.store.SchemaStatus;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The checks, in the order a setup is built: database, Mattermost (and its WebSocket, for replies), Microsoft, the webhook, the subscription, credentials. */
@Configuration(proxyBeanMethods = false)
public class DoctorChecks {

    @Bean
    Doctor doctor(SchemaStatus schema, Environment environment, MattermostClient mattermost, MattermostProperties mattermostSettings,
            AppTokens appTokens, MicrosoftProperties microsoft, ContentProperties content, BridgeProperties bridge,
            OutboundClients clients, SubscriptionRepository subscriptions, GraphClient graph, CredentialExpiry credentials,
            NotificationCertificates certificates, io.teamsbridge.store.AccountLinkRepository links,
            io.teamsbridge.store.TrafficRepository traffic, io.teamsbridge.microsoft.GrantedPermissions granted,
            io.teamsbridge.config.RepliesProperties replies, Clock clock) {
        List<Check> checks = new java.util.ArrayList<>();
        checks.add(new DatabaseCheck(schema, environment.getProperty("spring.datasource.url", "(the configured database)")));
        checks.add(new MattermostCheck(mattermost, mattermostSettings));
        if (replies.enabled()) {
            checks.add(new SocketCheck(clients.client(), mattermostSettings));
        }
        checks.add(new MicrosoftCheck(appTokens, microsoft, content));
        checks.add(new PresenceCheck(appTokens, granted::count, microsoft.subscription().usersOwnTokens()));
        checks.add(new WebhookCheck(bridge, clients));
        checks.add(new SubscriptionCheck(subscriptions, links, graph, microsoft, clock));
        checks.add(new ModesCheck(new io.teamsbridge.microsoft.subscriptions.SubscriptionModes(appTokens, traffic, microsoft,
                content.uploadSharedFiles(), clock)));
        checks.add(new ExpiryCheck(credentials, certificates, clock));
        return new Doctor(checks);
    }
}
