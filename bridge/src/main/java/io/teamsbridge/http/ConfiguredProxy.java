package io.teamsbridge.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * {@code outbound.proxy} for every host but those of {@code outbound.non-proxy-hosts} (an exact
 * name, or {@code *.example.com} for the domain and its subdomains). Unlike the JDK's own selector
 * it does not skip loopback addresses on its own: what goes direct is configured, not guessed.
 */
final class ConfiguredProxy extends ProxySelector {
    private final List<Proxy> proxy;
    private final List<String> direct;

    ConfiguredProxy(URI proxyUrl, List<String> nonProxyHosts) {
        int port = proxyUrl.getPort() > 0 ? proxyUrl.getPort() : "https".equalsIgnoreCase(proxyUrl.getScheme()) ? 443 : 80;
        this.proxy = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyUrl.getHost(), port)));
        this.direct = nonProxyHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        for (String pattern : direct) {
            boolean matches = pattern.startsWith("*.")
                    ? host.endsWith(pattern.substring(1)) || host.equals(pattern.substring(2))
                    : host.equals(pattern);
            if (matches) {
                return List.of(Proxy.NO_PROXY);
            }
        }
        return proxy;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to fall back to: the request fails and the caller classifies it.
    }
}
