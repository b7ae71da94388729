package io.teamsbridge.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Mattermost.
 *
 * @param url the Mattermost server's address (its SiteURL), e.g. {@code https://chat.example.com}
 * @param botToken the access token of the bot account that posts notifications and registers
 *     the slash command
 * @param commandTrigger the slash command's trigger, without the slash
 * @param commandSyncInterval how often the slash command is checked in every team (new teams
 *     get it, a deleted one is recreated)
 * @param requestTimeout the longest any one call to Mattermost may take
 */
@Validated
@ConfigurationProperties("mattermost")
public record MattermostProperties(
        @NotNull(message = "is missing: set it to your Mattermost server's address, e.g. https://chat.example.com")
        @AbsoluteHttpUrl
        URI url,
        @NotBlank(message = "is missing: create a bot account in Mattermost (System Console > Integrations > Bot Accounts) and set its access token here")
        String botToken,
        @DefaultValue("msteams")
        @Pattern(regexp = "[a-z0-9_.\\-]{1,128}", message = "must be 1-128 lower-case letters, digits, '.', '-' or '_', without the slash")
        String commandTrigger,
        @DefaultValue("2m") Duration commandSyncInterval,
        @DefaultValue("10s") Duration requestTimeout) {

    /** The server address without a trailing slash. */
    public String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
