package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.util.List;

/**
 * The virtual-thread target: how many virtual threads are mounted on carriers or queued for one, the carrier pool,
 * and pinning, next to the requests in flight and the platform threads they need.
 */
final class VirtualThreadsDashboard {

    static final String UID = "iolab-virtual-threads";
    private static final String BY = "iomodel";
    private static final String LEGEND = "{{iomodel}}";

    private VirtualThreadsDashboard() {}

    static Dashboard dashboard() {
        return new DashboardBuilder(
                        UID,
                        "iolab: virtual threads",
                        "Micrometer's VirtualThreadMetrics (JFR events and the JDK's virtual thread scheduler MXBean).",
                        "jvm_threads_virtual_live_threads",
                        DashboardBuilder.ids(List.of(Target.MVC_VIRTUAL)))
                .row(
                        Chart.of("Live virtual threads", "short")
                                .min(0)
                                .describe("mounted: running on a carrier thread; queued: ready, waiting for a carrier. "
                                        + "A blocked virtual thread is unmounted and counted in neither.")
                                .query(
                                        sumBy(BY + ", scheduling_status", sel("jvm_threads_virtual_live_threads")),
                                        "{{iomodel}} {{scheduling_status}}"),
                        Chart.of("Requests in flight vs platform threads", "short")
                                .min(0)
                                .describe("Thousands of requests can wait in flight on a handful of platform threads.")
                                .query(
                                        sumBy(BY, sel(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE.replace('.', '_'))),
                                        "{{iomodel}} in flight")
                                .query(maxBy(BY, sel(MetricNames.JVM_THREADS_LIVE)), "{{iomodel}} platform threads"))
                .row(
                        Chart.of("Carrier pool", "short")
                                .min(0)
                                .query(maxBy(BY, sel("jvm_threads_virtual_parallelism")), "{{iomodel}} parallelism")
                                .query(
                                        maxBy(BY, sel("jvm_threads_virtual_pool_size_threads")),
                                        "{{iomodel}} pool size"),
                        Chart.of("Pinned per second", "short")
                                .min(0)
                                .describe("Virtual threads that blocked while pinned to their carrier (JFR "
                                        + "jdk.VirtualThreadPinned, over 20 ms): each holds a carrier the whole time.")
                                .query(sumBy(BY, rate("jvm_threads_virtual_pinned_seconds_count")), LEGEND),
                        Chart.of("Submit failures per second", "short")
                                .min(0)
                                .query(sumBy(BY, rate("jvm_threads_virtual_submit_failed_total")), LEGEND))
                .build();
    }
}
