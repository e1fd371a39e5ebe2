package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthProbeMetricsTests {

    @Test
    void eachProbeIsOneWhileItAnswers200AndZeroOnceItAnswers503() {
        AtomicBoolean live = new AtomicBoolean(true);
        AtomicBoolean ready = new AtomicBoolean(true);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new HealthProbeMetrics(live::get, ready::get).bindTo(registry);

        assertThat(probe(registry, HealthProbeMetrics.LIVENESS)).isEqualTo(1.0);
        assertThat(probe(registry, HealthProbeMetrics.READINESS)).isEqualTo(1.0);

        ready.set(false); // draining: readiness turns 503, liveness stays 200
        assertThat(probe(registry, HealthProbeMetrics.READINESS)).isZero();
        assertThat(probe(registry, HealthProbeMetrics.LIVENESS)).isEqualTo(1.0);

        live.set(false);
        assertThat(probe(registry, HealthProbeMetrics.LIVENESS)).isZero();
    }

    private static double probe(SimpleMeterRegistry registry, String probe) {
        return registry.get(HealthProbeMetrics.NAME)
                .tag(HealthProbeMetrics.TAG_PROBE, probe)
                .gauge()
                .value();
    }
}
