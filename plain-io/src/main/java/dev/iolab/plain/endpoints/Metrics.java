package dev.iolab.plain.endpoints;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.RequestTimers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/**
 * The same metrics the Spring targets export: the contract's request metrics ({@link RequestTimers}: the
 * {@code http.server.requests} histogram and the in-flight gauge), JVM and process binders, all tagged {@code iomodel}.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestTimers requests;

    public Metrics(String targetId) {
        registry.config().commonTags(MetricNames.TAG_IOMODEL, targetId);
        requests = new RequestTimers(registry);
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

    /** Records one finished exchange ({@code uri}: the contract's tag value the router chose). */
    public void record(String method, String uri, int status, long nanos) {
        requests.record(method, uri, status, nanos);
    }

    /** The in-flight gauge and the timers. */
    RequestTimers requests() {
        return requests;
    }

    /** The Prometheus text exposition. */
    public byte[] scrape() {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
