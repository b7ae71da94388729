package io.teamsbridge.mattermost;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.ops.JobLeases;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.TeamCommandRepository;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MattermostConfiguration {

    @Bean
    CommandRegistrar commandRegistrar(MattermostClient client, MattermostBot bot, TeamCommandRepository commands,
            SecretVault vault, Clock clock, MattermostProperties mattermost, BridgeProperties bridge) {
        return new CommandRegistrar(client, bot, commands, vault, clock, mattermost, bridge);
    }

    /** Registers the command right after start, then re-checks every team periodically. */
    @Bean
    PeriodicJob commandSyncJob(CommandRegistrar registrar, MattermostProperties mattermost, JobLeases leases) {
        return PeriodicJob.singleInstance("command-sync", Duration.ZERO, mattermost.commandSyncInterval(), registrar::sync,
                leases);
    }
}
