package dev.iolab.contract;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract's request metrics, recorded the same way by every target: the {@code http.server.requests} timer
 * (a percentile histogram tagged method, uri, status, outcome) and a gauge of requests in flight. Each timer is
 * registered once and then found through two map lookups and an array slot, without building tags per request:
 * framework observations that build them cost a fifth of the CPU of a small request.
 */
public final class RequestTimers {

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");
    private static final String UNKNOWN_METHOD = "UNKNOWN";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    // method -> uri -> status - 100 -> timer; method and uri values are bounded (see record)
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer[]>> timers = new ConcurrentHashMap<>();

    public RequestTimers(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE, inFlight, AtomicInteger::get)
                .description("Requests in flight")
                .register(registry);
    }

    /** A request began: counts it in flight until {@link #end}. */
    public void begin() {
        inFlight.incrementAndGet();
    }

    /** A request that {@link #begin began} is over, whether or not it is {@link #record recorded}. */
    public void end() {
        inFlight.decrementAndGet();
    }

    /**
     * Records a finished exchange under the contract's {@code uri} for its path ({@link MetricNames#uriTag}; a uri
     * value the caller already has passes through), so the tag stays bounded whatever clients send.
     */
    public void record(String method, String path, int status, long nanos) {
        String m = METHODS.contains(method) ? method : UNKNOWN_METHOD;
        String uri = MetricNames.uriTag(path);
        int s = Math.clamp(status, 100, 599);
        ConcurrentHashMap<String, Timer[]> byUri = timers.get(m);
        if (byUri == null) {
            byUri = timers.computeIfAbsent(m, key -> new ConcurrentHashMap<>());
        }
        Timer[] byStatus = byUri.get(uri);
        if (byStatus == null) {
            byStatus = byUri.computeIfAbsent(uri, key -> new Timer[500]);
        }
        Timer timer = byStatus[s - 100];
        if (timer == null) {
            timer = Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
                    .tag(MetricNames.TAG_METHOD, m)
                    .tag(MetricNames.TAG_URI, uri)
                    .tag(MetricNames.TAG_STATUS, Integer.toString(s))
                    .tag(MetricNames.TAG_OUTCOME, MetricNames.outcome(s))
                    .publishPercentileHistogram()
                    .register(registry);
            byStatus[s - 100] = timer; // a benign race: register() returns the same timer to every caller
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
