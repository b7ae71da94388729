package io.teamsbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.microsoft.changes.RsaUnwrap;
import org.junit.jupiter.api.Test;

class RsaFloorTest {

    @Test
    void timesTheUnwrapAsCpuMillisecondsPerOperation() throws Exception {
        double ms = RsaFloor.measureMs(RsaUnwrap.jdk(), 0.2, 2, 0.2);

        // An RSA-2048 private-key operation costs between tens of microseconds and tens of milliseconds on any machine.
        assertThat(ms).isBetween(0.01, 50.0);
    }

    @Test
    void timesTheNativeUnwrapWhereItLoads() throws Exception {
        for (RsaUnwrap unwrap : RsaUnwrap.nativeIfLoaded().stream().toList()) {
            assertThat(RsaFloor.measureMs(unwrap, 0.2, 2, 0.2)).isBetween(0.01, 50.0);
        }
    }
}
