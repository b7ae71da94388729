package io.teamsbridge.emulators.mattermost;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server settings the emulator honours, named as in Mattermost's {@code config.json} (and as
 * {@code PUT /_sandbox/config} takes them). Defaults are the server's, except
 * {@code EnableBotAccountCreation}, which is on so tests need not switch it on first.
 */
record ServerSettings(
        @JsonProperty("SiteURL") String siteUrl,
        @JsonProperty("ShowEmailAddress") boolean showEmailAddress,
        @JsonProperty("ShowFullName") boolean showFullName,
        @JsonProperty("RateLimitEnabled") boolean rateLimitEnabled,
        @JsonProperty("RateLimitPerSec") int rateLimitPerSec,
        @JsonProperty("MaxBurst") int maxBurst,
        @JsonProperty("RateLimitVaryByUser") boolean rateLimitVaryByUser,
        @JsonProperty("RateLimitVaryByHeader") String rateLimitVaryByHeader,
        @JsonProperty("EnableBotAccountCreation") boolean enableBotAccountCreation,
        @JsonProperty("EnableUserAccessTokens") boolean enableUserAccessTokens,
        @JsonProperty("EnableCommands") boolean enableCommands,
        @JsonProperty("EnablePostUsernameOverride") boolean enablePostUsernameOverride,
        @JsonProperty("EnablePostIconOverride") boolean enablePostIconOverride,
        @JsonProperty("MaxPostSize") int maxPostSize,
        @JsonProperty("MaximumPayloadSizeBytes") long maximumPayloadSizeBytes,
        @JsonProperty("OutgoingIntegrationRequestsTimeout") int outgoingIntegrationRequestsTimeout,
        @JsonProperty("EnableFileAttachments") boolean enableFileAttachments,
        @JsonProperty("MaxFileSize") long maxFileSize,
        @JsonProperty("Version") String version) {

    static ServerSettings defaults(String siteUrl) {
        return new ServerSettings(siteUrl, true, true, false, 10, 100, false, "", true, false, true, false, false,
                16383, 300_000, 30, true, 100L * 1024 * 1024, "10.11.0");
    }

    long integrationTimeoutMillis() {
        return outgoingIntegrationRequestsTimeout * 1000L;
    }
}
