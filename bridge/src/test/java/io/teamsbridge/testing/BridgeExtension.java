package io.teamsbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link BridgeHarness} for a test class ({@code @RegisterExtension static}), and fails any
 * test during which the bridge sent Mattermost a request that breaks Mattermost's OpenAPI contract.
 */
public final class BridgeExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Map<String, String> properties;
    private final boolean movableClock;
    private BridgeHarness harness;
    private World world;

    public BridgeExtension() {
        this(Map.of());
    }

    public BridgeExtension(Map<String, String> properties) {
        this(properties, true);
    }

    public BridgeExtension(Map<String, String> properties, boolean movableClock) {
        this.properties = properties;
        this.movableClock = movableClock;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        harness = BridgeHarness.start(properties, movableClock);
        world = new World(harness);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(harness.mattermost().contractViolations())
                .as("requests to Mattermost that break its OpenAPI contract")
                .isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (harness != null) {
            harness.close();
        }
    }

    public BridgeHarness harness() {
        return harness;
    }

    public World world() {
        return world;
    }
}
