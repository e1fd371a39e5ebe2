package dev.iolab.plain.endpoints;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.RequestTimers;
import dev.iolab.contract.ResidentMemoryMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The same metrics the Spring targets export: the contract's request metrics ({@link RequestTimers}: the
 * {@code http.server.requests} histogram and the in-flight gauge), JVM and process binders, all tagged {@code iomodel};
 * and what only plain-io can show: connections accepted, closed and open, and each I/O loop's wakeups and events.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RequestTimers requests;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final ConcurrentHashMap<String, LoopActivity> loops = new ConcurrentHashMap<>();

    public Metrics(String targetId) {
        registry.config().commonTags(MetricNames.TAG_IOMODEL, targetId);
        requests = new RequestTimers(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new ResidentMemoryMetrics().bindTo(registry);
        FunctionCounter.builder(CONNECTIONS_ACCEPTED, accepted, LongAdder::sum)
                .description("Connections accepted since start")
                .register(registry);
        FunctionCounter.builder(CONNECTIONS_CLOSED, closed, LongAdder::sum)
                .description("Connections closed since start")
                .register(registry);
        Gauge.builder(CONNECTIONS_OPEN, this, m -> m.accepted.sum() - m.closed.sum())
                .description("Connections open now")
                .register(registry);
    }

    /** Micrometer names; Prometheus adds {@code _total} to the counters. */
    public static final String CONNECTIONS_ACCEPTED = "iolab.connections.accepted";

    public static final String CONNECTIONS_CLOSED = "iolab.connections.closed";
    public static final String CONNECTIONS_OPEN = "iolab.connections.open";
    public static final String LOOP_WAKEUPS = "iolab.loop.wakeups";
    public static final String LOOP_EVENTS = "iolab.loop.events";
    /** The tag naming the loop: a reactor thread, a busy-poller, or a model's shared pool. */
    public static final String TAG_LOOP = "loop";

    /** A connection was accepted (once per connection, before its first read). */
    public void connectionOpened() {
        accepted.increment();
    }

    /** A connection was closed (once per connection). */
    public void connectionClosed() {
        closed.increment();
    }

    /**
     * The activity counters of the loop {@code name}; one per name, so a pool (the aio group, all blocking connection
     * threads) shares one and the tag's values stay as few as the reactors.
     */
    public LoopActivity loop(String name) {
        return loops.computeIfAbsent(name, n -> {
            LoopActivity activity = new LoopActivity();
            FunctionCounter.builder(LOOP_WAKEUPS, activity, LoopActivity::wakeups)
                    .tag(TAG_LOOP, n)
                    .description("Returns from the loop's wait: selects, busy-poll passes, blocking reads, completions")
                    .register(registry);
            FunctionCounter.builder(LOOP_EVENTS, activity, LoopActivity::events)
                    .tag(TAG_LOOP, n)
                    .description(
                            "Events the loop handled after waking: ready keys, connections tried, completions with data")
                    .register(registry);
            return activity;
        });
    }

    /** Exposes the I/O implementation a server actually got, e.g. {@code iolab_io_info{selector="sun.nio.ch.EPollSelectorImpl"}}. */
    public void ioInfo(String kind, String implementation) {
        Gauge.builder("iolab.io.info", () -> 1)
                .tag(kind, implementation)
                .description("The selector or channel implementation of this I/O model")
                .register(registry);
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
