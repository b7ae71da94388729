package io.teamsbridge.config;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service itself.
 *
 * @param publicUrl the address at which Mattermost users' browsers, Mattermost (slash commands)
 *     and Microsoft Graph (change notifications) reach this service, e.g. {@code
 *     https://bridge.example.com}
 * @param encryptionKey base64 of 32 random bytes: the AES-256-GCM key that encrypts tokens and
 *     secrets at rest ({@code openssl rand -base64 32})
 * @param previousEncryptionKeys keys used before a rotation; still read, never written
 * @param checkAtStart run the {@code doctor} checks once after every start and log their findings
 * @param jobLease how long an instance holds each single-instance job (subscription upkeep, command
 *     sync, …) without renewing it: when an instance dies, another takes its jobs over after this
 */
@Validated
@ConfigurationProperties("bridge")
public record BridgeProperties(
        @NotNull(message = "is missing: set it to the public https address of teams-bridge, e.g. https://bridge.example.com")
        @AbsoluteHttpUrl
        URI publicUrl,
        @NotBlank(message = "is missing: set it to 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`")
        @EncryptionKey
        String encryptionKey,
        @DefaultValue List<@EncryptionKey String> previousEncryptionKeys,
        @DefaultValue("45s") @DurationMin(seconds = 3) java.time.Duration jobLease,
        @DefaultValue("true") boolean checkAtStart) {

    /** The public URL without a trailing slash, ready for appending paths. */
    public String publicBase() {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
