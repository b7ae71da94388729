package io.teamsbridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Microsoft Entra app registration and the Microsoft cloud it lives in.
 *
 * @param cloud which Microsoft cloud: global, usgov-high, usgov-dod or china
 * @param tenantId the directory (tenant) id of the organisation
 * @param clientId the application (client) id of the app registration
 * @param clientSecret a client secret of the app registration
 * @param authorityUrl overrides the sign-in host of the cloud (tests and emulators)
 * @param graphUrl overrides the Graph base URL of the cloud, including {@code /v1.0}
 * @param teamsUrl overrides the Teams web address of the cloud, used in links that open a chat
 * @param requestTimeout the longest any one call to Microsoft may take
 * @param clientSecretExpires the day the client secret expires (as Entra shows it), so the service
 *     can warn before it does; Microsoft does not tell the app itself
 */
@Validated
@ConfigurationProperties("microsoft")
public record MicrosoftProperties(
        @DefaultValue("global") @NotNull MicrosoftCloud cloud,
        @NotBlank(message = "is missing: set it to your Entra directory (tenant) id") String tenantId,
        @NotBlank(message = "is missing: set it to the application (client) id of the Entra app registration") String clientId,
        @NotBlank(message = "is missing: create a client secret for the Entra app registration and set it here") String clientSecret,
        @AbsoluteHttpUrl URI authorityUrl,
        @AbsoluteHttpUrl URI graphUrl,
        @AbsoluteHttpUrl URI teamsUrl,
        @DefaultValue("10s") Duration requestTimeout,
        java.time.LocalDate clientSecretExpires,
        @DefaultValue @Valid Subscription subscription) {

    /** The sign-in host, e.g. {@code https://login.microsoftonline.com}, without trailing slash. */
    public String authorityBase() {
        return trim(Optional.ofNullable(authorityUrl).map(URI::toString).orElse(cloud.loginHost()));
    }

    /** The Graph base including the version, e.g. {@code https://graph.microsoft.com/v1.0}. */
    public String graphBase() {
        return trim(Optional.ofNullable(graphUrl).map(URI::toString).orElse(cloud.graphHost() + "/v1.0"));
    }

    /** The Teams web address links open, e.g. {@code https://teams.microsoft.com}, without trailing slash. */
    public String teamsWebBase() {
        return trim(Optional.ofNullable(teamsUrl).map(URI::toString).orElse(cloud.teamsWebHost()));
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The change subscription on Teams chat messages.
     *
     * @param enabled whether to keep a subscription at all (off only for a bridge that should not
     *     receive notifications, e.g. a second environment sharing an app registration)
     * @param billingModel which metered-API model the subscription uses: B, A or evaluation
     * @param lifetime how long each subscription or renewal asks for; Graph allows at most 4320
     *     minutes for chat messages
     * @param renewBefore renew when the subscription expires sooner than this
     * @param checkInterval how often the subscription is checked at Graph (a vanished one is
     *     recreated within this time)
     * @param certificateFile a PKCS#12 file with the certificate (and private key) Graph should
     *     encrypt notifications with; when unset, one is generated on first start and kept,
     *     encrypted, in the database
     * @param certificatePassword the password of that file
     * @param mode {@code tenant}: one subscription on every chat message of the organisation
     *     (application permission Chat.Read.All); {@code per-user}: one subscription per connected
     *     user on that user's chats only
     * @param perUserToken in {@code per-user} mode, whose token creates and renews each user's
     *     subscription: the user's own ({@code delegated}, permission Chat.Read, no tenant-wide
     *     chat permission) or the app's ({@code application}, Chat.Read.All)
     */
    public record Subscription(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("B") @NotNull BillingModel billingModel,
            @DefaultValue("4230m") @NotNull Duration lifetime,
            @DefaultValue("24h") @NotNull Duration renewBefore,
            @DefaultValue("30s") @NotNull Duration checkInterval,
            java.nio.file.Path certificateFile,
            String certificatePassword,
            @DefaultValue("tenant") @NotNull Mode mode,
            @DefaultValue("delegated") @NotNull PerUserToken perUserToken) {

        /** Per-user subscriptions held with the users' own tokens: the app then reads no chat itself. */
        public boolean usersOwnTokens() {
            return mode == Mode.PER_USER && perUserToken == PerUserToken.DELEGATED;
        }
    }

    /** Which subscriptions carry the chat messages: see {@link Subscription#mode()}. */
    public enum Mode {
        TENANT,
        PER_USER
    }

    /** Whose token holds a per-user subscription: see {@link Subscription#perUserToken()}. */
    public enum PerUserToken {
        DELEGATED,
        APPLICATION
    }

    public enum BillingModel {
        A,
        B,
        EVALUATION
    }
}
