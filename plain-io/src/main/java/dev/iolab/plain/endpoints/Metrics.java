package dev.iolab.plain.endpoints;

import dev.iolab.contract.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The same metrics the Spring targets export: the {@code http.server.requests} timer (a percentile
 * histogram tagged method, uri, status, outcome), JVM and process binders, all tagged {@code iomodel}.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // method -> uri -> status -> timer: lookups on the hot path without building a key object
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer[]>> timers = new ConcurrentHashMap<>();

    public Metrics(String targetId) {
        registry.config().commonTags(MetricNames.TAG_IOMODEL, targetId);
        new JvmThreadMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Exposes the I/O implementation a server actually got, e.g. {@code iolab_io_info{selector="sun.nio.ch.EPollSelectorImpl"}}. */
    public void ioInfo(String kind, String implementation) {
        Gauge.builder("iolab.io.info", () -> 1).tag(kind, implementation)
                .description("The selector or channel implementation of this I/O model").register(registry);
    }

    /** Records one finished exchange. */
    public void record(String method, String uri, int status, long nanos) {
        Timer[] byStatus = timers.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(uri, u -> new Timer[600]);
        Timer timer = byStatus[status];
        if (timer == null) {
            timer = Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
                    .tag(MetricNames.TAG_METHOD, method)
                    .tag(MetricNames.TAG_URI, uri)
                    .tag(MetricNames.TAG_STATUS, Integer.toString(status))
                    .tag(MetricNames.TAG_OUTCOME, MetricNames.outcome(status))
                    .publishPercentileHistogram()
                    .register(registry);
            byStatus[status] = timer; // a benign race: register() returns the same timer
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition. */
    public byte[] scrape() {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
