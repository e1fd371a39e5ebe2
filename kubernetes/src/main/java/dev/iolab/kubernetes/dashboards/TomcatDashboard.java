package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.Target;
import java.util.Arrays;

/**
 * The Tomcat targets (blocking-service): the worker pool against its maximum, and the connections Tomcat holds.
 * Under virtual threads Tomcat has no pool and reports -1, which the thread panels say in words.
 */
final class TomcatDashboard {

    static final String UID = "iolab-tomcat";
    private static final String BY = "iomodel";
    private static final String LEGEND = "{{iomodel}}";
    private static final String NO_POOL = "no pool (virtual threads)";

    private TomcatDashboard() {}

    static Dashboard dashboard() {
        return new DashboardBuilder(
                        UID,
                        "iolab: Tomcat (blocking-service)",
                        "Spring MVC on Tomcat: thread per request from a pool of platform threads (mvc-platform) or a new "
                                + "virtual thread per request (mvc-virtual).",
                        "tomcat_connections_current_connections",
                        DashboardBuilder.ids(Arrays.stream(Target.values())
                                .filter(t -> t.module() == Target.Module.BLOCKING_SERVICE)
                                .toList()))
                .row(
                        Chart.of("Busy worker threads", "short")
                                .map("-1", NO_POOL)
                                .describe("Pool threads serving a request now; at the maximum, new requests queue. "
                                        + "-1: Tomcat runs each request on a virtual thread, there is no pool.")
                                .query(maxBy(BY, sel("tomcat_threads_busy_threads")), LEGEND),
                        Chart.of("Worker threads: current and maximum", "short")
                                .map("-1", NO_POOL)
                                .query(maxBy(BY, sel("tomcat_threads_current_threads")), "{{iomodel}} current")
                                .query(maxBy(BY, sel("tomcat_threads_config_max_threads")), "{{iomodel}} max"))
                .row(
                        Chart.of("Connections", "short")
                                .min(0)
                                .describe(
                                        "Connections Tomcat holds open, and those idle in keep-alive between requests.")
                                .query(maxBy(BY, sel("tomcat_connections_current_connections")), "{{iomodel}} open")
                                .query(
                                        maxBy(BY, sel("tomcat_connections_keepalive_current_connections")),
                                        "{{iomodel}} keep-alive"),
                        Chart.of("Connection limit", "short")
                                .min(0)
                                .query(maxBy(BY, sel("tomcat_connections_config_max_connections")), LEGEND))
                .row(
                        Chart.of("Requests per second (Tomcat)", "reqps")
                                .min(0)
                                .query(sumBy(BY, rate("tomcat_global_request_seconds_count")), LEGEND),
                        Chart.of("Bytes per second", "Bps")
                                .min(0)
                                .query(sumBy(BY, rate("tomcat_global_received_bytes_total")), "{{iomodel}} received")
                                .query(sumBy(BY, rate("tomcat_global_sent_bytes_total")), "{{iomodel}} sent"),
                        Chart.of("Tomcat errors per second", "short")
                                .min(0)
                                .query(sumBy(BY, rate("tomcat_global_error_total")), LEGEND))
                .build();
    }
}
