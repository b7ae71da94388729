package io.teamsbridge.emulators.microsoft.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryOptionsTest {

    @Test
    void theDefaultsAreGraphsDocumentedTimings() {
        DeliveryOptions defaults = DeliveryOptions.defaults();

        assertThat(defaults.receiverTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.retryWindow()).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.maxBatchSize()).isEqualTo(100);
        assertThat(defaults.evaluationMessagesPerMonth()).isEqualTo(500);
    }

    @Test
    void contradictoryKnobsAreRefused() {
        assertThatThrownBy(() -> DeliveryOptions.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> DeliveryOptions.defaults().withReceiverTimeout(Duration.ZERO))
                .hasMessageContaining("receiverTimeout");
        assertThatThrownBy(() -> DeliveryOptions.defaults().withMaxBatchSize(0)).hasMessageContaining("maxBatchSize");
    }
}
