package dev.iolab.loadtest.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulationSettingsTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void theInjectionWaitsUntilTheCommonStart() {
        assertThat(settings(NOW.plusMillis(2500)).untilStart(NOW)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aPassedOrMissingStartBeginsAtOnce() {
        assertThat(settings(NOW.minusSeconds(3)).untilStart(NOW)).isZero();
        assertThat(settings(null).untilStart(NOW)).isZero();
    }

    private static SimulationSettings settings(Instant startAt) {
        return new SimulationSettings(
                "http://127.0.0.1:1", "t", 1, 0, Duration.ZERO, Duration.ofSeconds(1), 1, startAt);
    }
}
