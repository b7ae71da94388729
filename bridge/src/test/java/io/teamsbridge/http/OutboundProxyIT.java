package io.teamsbridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.ForwardProxy;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bridge on an enterprise network: every call to Microsoft (sign-in, signing keys, Graph) and to
 * Mattermost goes through the configured proxy, which asks for credentials; a user connects and a
 * Teams message is delivered all the same. The database plays no part (H2 pass only).
 */
class OutboundProxyIT {

    @Test
    void everyOutboundCallGoesThroughTheAuthenticatedProxy() throws Exception {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "the database plays no part (runs in the H2 pass)");
        try (ForwardProxy proxy = ForwardProxy.start("svc-bridge", "pr0xy-secret");
                BridgeHarness harness = BridgeHarness.start(Map.of(
                        "outbound.proxy", proxy.url().toString(),
                        "outbound.proxy-username", "svc-bridge",
                        "outbound.proxy-password", "pr0xy-secret"), false)) {
            World world = new World(harness);
            world.awaitSubscription();
            Person sender = world.person("sender");
            Person recipient = world.connected(world.person("recipient"));
            world.presence(recipient, "Away", "Away");
            String chat = world.chat("oneOnOne", null, sender, recipient);
            String message = world.say(chat, sender, "<p>through the proxy</p>");
            world.awaitProcessed(chat, message);
            assertThat(world.notifications(recipient)).hasSize(1);

            List<String> through = proxy.forwarded().stream()
                    .map(f -> f.target().getPort() + " " + f.method() + " " + f.target().getRawPath()).toList();
            int graph = harness.microsoft().baseUrl().getPort();
            int mattermost = harness.mattermost().baseUrl().getPort();
            assertThat(through).as("the app token and the user's sign-in")
                    .anyMatch(r -> r.startsWith(graph + " POST ") && r.endsWith("/oauth2/v2.0/token"));
            assertThat(through).as("Graph").anyMatch(r -> r.startsWith(graph + " POST ") && r.endsWith("/subscriptions"))
                    .anyMatch(r -> r.startsWith(graph + " GET ") && r.contains("/chats/"));
            assertThat(through).as("Mattermost").anyMatch(r -> r.startsWith(mattermost + " POST /api/v4/posts"))
                    .anyMatch(r -> r.startsWith(mattermost + " GET /api/v4/users/me"));
            assertThat(proxy.challenged()).as("the proxy asked for credentials before it let anything through").isPositive();

            MeterRegistry meters = harness.bean(MeterRegistry.class);
            assertThat(meters.get("teamsbridge.outbound.requests").tag("peer", "graph").timers()).isNotEmpty();
            assertThat(meters.get("teamsbridge.outbound.requests").tag("peer", "login").timers()).isNotEmpty();
            assertThat(meters.get("teamsbridge.outbound.requests").tag("peer", "mattermost").tag("endpoint", "/api/v4/posts")
                    .tag("status", "201").timer().count()).isGreaterThanOrEqualTo(1);
        }
    }
}
