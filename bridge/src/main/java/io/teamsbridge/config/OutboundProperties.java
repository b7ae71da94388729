package io.teamsbridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How teams-bridge reaches Microsoft and Mattermost on an enterprise network.
 *
 * @param proxy an HTTP proxy every outbound request goes through, e.g. {@code http://proxy.corp:3128}
 *     (https targets are tunnelled with CONNECT); unset for direct connections
 * @param proxyUsername the proxy's user name, for a proxy that asks for Basic authentication
 * @param proxyPassword that user's password (a secret: never logged)
 * @param nonProxyHosts hosts reached directly, not through the proxy: exact names, or
 *     {@code *.example.com} for a domain and its subdomains
 * @param trustedCaFile a PEM file with one or more CA certificates trusted in addition to the JDK's
 *     own (for a TLS-inspecting proxy or a Mattermost behind a private CA)
 */
@Validated
@ConfigurationProperties("outbound")
public record OutboundProperties(
        @AbsoluteHttpUrl URI proxy,
        String proxyUsername,
        String proxyPassword,
        @DefaultValue List<String> nonProxyHosts,
        Path trustedCaFile) {

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "OutboundProperties[proxy=" + proxy + ", proxyUsername=" + proxyUsername + ", proxyPassword="
                + (proxyPassword == null ? "null" : "(set)") + ", nonProxyHosts=" + nonProxyHosts + ", trustedCaFile="
                + trustedCaFile + "]";
    }
}
