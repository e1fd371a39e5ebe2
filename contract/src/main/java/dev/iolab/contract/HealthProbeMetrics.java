package dev.iolab.contract;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.BooleanSupplier;

/**
 * What the liveness and readiness probes would answer, as a gauge per probe ({@code iolab_health_probe{probe=...}}:
 * 1 for 200, 0 for 503), so Prometheus can alert on a failing probe; a probe that cannot answer at all shows as a
 * failed scrape of the management port instead ({@code up == 0}).
 */
public final class HealthProbeMetrics implements MeterBinder {

    /** Micrometer name; Prometheus shows it as {@link MetricNames#HEALTH_PROBE}. */
    public static final String NAME = "iolab.health.probe";
    /** The tag naming the probe. */
    public static final String TAG_PROBE = "probe";

    public static final String LIVENESS = "liveness";
    public static final String READINESS = "readiness";

    private final BooleanSupplier live;
    private final BooleanSupplier ready;

    /** {@code live} and {@code ready} are read at scrape time and must say what the probe endpoints answer. */
    public HealthProbeMetrics(BooleanSupplier live, BooleanSupplier ready) {
        this.live = live;
        this.ready = ready;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        register(registry, LIVENESS, live);
        register(registry, READINESS, ready);
    }

    private static void register(MeterRegistry registry, String probe, BooleanSupplier up) {
        Gauge.builder(NAME, up, s -> s.getAsBoolean() ? 1 : 0)
                .tag(TAG_PROBE, probe)
                .description("1 when the " + probe + " probe answers 200, 0 when it answers 503")
                .strongReference(true)
                .register(registry);
    }
}
