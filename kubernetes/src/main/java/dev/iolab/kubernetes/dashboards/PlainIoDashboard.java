package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.util.Arrays;

/**
 * The plain-io models side by side on how they wait: connections, and per loop (reactor, busy-poller, completion
 * group, or all connection threads together) how often its wait returned and how much it then had to do.
 */
final class PlainIoDashboard {

    static final String UID = "iolab-plain-io";
    private static final String BY = "iomodel";
    private static final String LEGEND = "{{iomodel}}";
    private static final String WAKEUPS = "iolab_loop_wakeups_total";
    private static final String EVENTS = "iolab_loop_events_total";

    private PlainIoDashboard() {}

    static Dashboard dashboard() {
        return new DashboardBuilder(
                        UID,
                        "iolab: plain-io models",
                        "The six hand-written I/O models: blocking, poll, busy-poll, epoll, NIO.2 completions, mmap. A wakeup "
                                + "is a return from the loop's wait (select, busy-poll pass, blocking read, completion); events "
                                + "are what it handled then (ready keys, connections tried, completions that moved bytes).",
                        WAKEUPS,
                        DashboardBuilder.ids(Arrays.stream(Target.values())
                                .filter(t -> t.module() == Target.Module.PLAIN_IO)
                                .toList()))
                .row(
                        Chart.of("Open connections", "short")
                                .min(0)
                                .query(maxBy(BY, sel("iolab_connections_open")), LEGEND),
                        Chart.of("Connections accepted and closed per second", "short")
                                .min(0)
                                .query(sumBy(BY, rate("iolab_connections_accepted_total")), "{{iomodel}} accepted")
                                .query(sumBy(BY, rate("iolab_connections_closed_total")), "{{iomodel}} closed"))
                .row(
                        Chart.of("Wakeups per second, per loop", "short")
                                .min(0)
                                .describe("A busy-poller wakes millions of times a second for nothing; a selector "
                                        + "wakes once per batch of ready connections.")
                                .query(sumBy(BY + ", loop", rate(WAKEUPS)), "{{iomodel}} {{loop}}"),
                        Chart.of("Events handled per second, per loop", "short")
                                .min(0)
                                .query(sumBy(BY + ", loop", rate(EVENTS)), "{{iomodel}} {{loop}}"))
                .row(
                        Chart.of("Events per wakeup", "short")
                                .min(0)
                                .describe("Work found per wait: near 0 for a busy-poller, 1 for a blocking read, "
                                        + "above 1 for a selector under load.")
                                .query(sumBy(BY, rate(EVENTS)) + " / " + sumBy(BY, rate(WAKEUPS)), LEGEND),
                        Chart.of("CPU (process)", "percentunit")
                                .min(0)
                                .query(maxBy(BY, sel(MetricNames.PROCESS_CPU_USAGE)), LEGEND),
                        Chart.of("Live threads", "short")
                                .min(0)
                                .query(maxBy(BY, sel(MetricNames.JVM_THREADS_LIVE)), LEGEND))
                .build();
    }
}
