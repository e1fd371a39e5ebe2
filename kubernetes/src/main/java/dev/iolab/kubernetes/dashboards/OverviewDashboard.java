package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.agg;
import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.orZero;
import static dev.iolab.kubernetes.dashboards.Promql.quantile;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.HealthProbeMetrics;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.util.List;

/** The overview: every target side by side on the contract's request metrics and the process and JVM metrics. */
final class OverviewDashboard {

    static final String UID = "iolab-overview";
    private static final String REQUESTS = MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS;
    private static final String BY = MetricNames.TAG_IOMODEL;
    private static final String LEGEND = "{{iomodel}}";

    private OverviewDashboard() {}

    static Dashboard dashboard() {
        String requestRate = sumBy(BY, rate(REQUESTS + "_count"));
        // a JVM process always has live threads: the series the "0 until it happens" fallbacks multiply by 0
        String everyProcess = maxBy(BY, sel(MetricNames.JVM_THREADS_LIVE));
        return new DashboardBuilder(
                        UID,
                        "iolab: overview",
                        "Every target side by side: the contract's request histogram (the same timer in every target), "
                                + "health probes, CPU, memory, threads and GC.",
                        REQUESTS + "_count",
                        List.of(Target.values()).stream().map(Target::id).toList())
                .row(
                        Chart.of("Requests per second", "reqps").min(0).query(requestRate, LEGEND),
                        Chart.of("Error ratio (5xx)", "percentunit")
                                .min(0)
                                .describe("5xx answers over all answers; the contract's 4xx answers to bad input are "
                                        + "correct behaviour, not errors. 0 while a target has answered no 5xx.")
                                .query(
                                        orZero(
                                                sumBy(BY, rate(REQUESTS + "_count", "status=~\"5..\"")) + " / "
                                                        + requestRate,
                                                requestRate),
                                        LEGEND),
                        Chart.of("Health probes (1 = 200, 0 = 503)", "short")
                                .min(0)
                                .describe(
                                        "What each process says its liveness and readiness probes answer; readiness "
                                                + "is 0 during a graceful drain. IolabHealthProbeFailing fires after a minute at 0; "
                                                + "a probe that gets no answer at all shows as a failed scrape (IolabTargetDown).")
                                .query(
                                        agg(
                                                "min",
                                                BY + ", " + HealthProbeMetrics.TAG_PROBE,
                                                sel(MetricNames.HEALTH_PROBE)),
                                        "{{iomodel}} {{probe}}"))
                .row(Chart.of("Latency p50 / p90 / p99 (server side)", "s")
                        .min(0)
                        .describe("From the http_server_requests_seconds histogram buckets, all endpoints together "
                                + "(/delay waits on purpose).")
                        .query(quantile(0.5, REQUESTS, BY), "{{iomodel}} p50")
                        .query(quantile(0.9, REQUESTS, BY), "{{iomodel}} p90")
                        .query(quantile(0.99, REQUESTS, BY), "{{iomodel}} p99"))
                .row(
                        Chart.of("In-flight requests", "short")
                                .min(0)
                                .query(
                                        sumBy(BY, sel(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE.replace('.', '_'))),
                                        LEGEND),
                        Chart.of("CPU (process)", "percentunit")
                                .min(0)
                                .describe("Share of all the machine's cores the process uses: a busy-poller shows "
                                        + "one core's worth even when idle.")
                                .query(maxBy(BY, sel(MetricNames.PROCESS_CPU_USAGE)), LEGEND),
                        Chart.of("Live threads", "short")
                                .min(0)
                                .describe("Platform threads: thread-per-connection grows with the connections, event "
                                        + "loops stay flat.")
                                .query(maxBy(BY, sel(MetricNames.JVM_THREADS_LIVE)), LEGEND))
                .row(
                        Chart.of("Heap used", "bytes")
                                .min(0)
                                .query(sumBy(BY, sel(MetricNames.JVM_MEMORY_USED, "area=\"heap\"")), LEGEND),
                        Chart.of("Resident memory (RSS)", "bytes")
                                .min(0)
                                .describe("VmRSS of the process: heap, metaspace, thread stacks and direct buffers "
                                        + "together, what the container limit counts.")
                                .query(maxBy(BY, sel(MetricNames.PROCESS_RESIDENT_MEMORY)), LEGEND),
                        Chart.of("GC pause time per second", "s")
                                .min(0)
                                .describe(
                                        "Seconds paused for GC per second of wall time; 0 until the first collection.")
                                .query(
                                        orZero(sumBy(BY, rate(MetricNames.JVM_GC_PAUSE + "_sum")), everyProcess),
                                        LEGEND))
                .build();
    }
}
