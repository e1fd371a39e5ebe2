package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything served by Reactor Netty (the WebFlux targets and the gateway): connections, the tasks queued on each
 * event loop (a loop that falls behind shows here first) and the request rate.
 */
final class ReactorNettyDashboard {

    static final String UID = "iolab-reactor-netty";
    private static final String BY = "iomodel";
    private static final String LEGEND = "{{iomodel}}";

    private ReactorNettyDashboard() {}

    static Dashboard dashboard() {
        List<String> iomodels = new ArrayList<>(DashboardBuilder.ids(Arrays.stream(Target.values())
                .filter(t -> t.module() == Target.Module.REACTIVE_SERVICE)
                .toList()));
        iomodels.add(Target.GATEWAY_ID);
        return new DashboardBuilder(
                        UID,
                        "iolab: Reactor Netty (webflux-*, gateway)",
                        "Reactor Netty servers: epoll or io_uring event loops, each serving many connections.",
                        "reactor_netty_http_server_connections",
                        iomodels)
                .row(
                        Chart.of("Open connections", "short")
                                .min(0)
                                .query(sumBy(BY, sel("reactor_netty_http_server_connections")), LEGEND),
                        Chart.of("Connections accepted and closed per second", "short")
                                .min(0)
                                .query(
                                        sumBy(BY, rate("reactor_netty_http_server_connections_accepted_total")),
                                        "{{iomodel}} accepted")
                                .query(
                                        sumBy(BY, rate("reactor_netty_http_server_connections_closed_total")),
                                        "{{iomodel}} closed"))
                .row(
                        Chart.of("Event-loop pending tasks", "short")
                                .min(0)
                                .describe("Tasks waiting on each event loop; growing means the loop cannot keep up "
                                        + "(blocking work on it, or simply saturated).")
                                .query(
                                        maxBy(BY + ", name", sel("reactor_netty_eventloop_pending_tasks")),
                                        "{{iomodel}} {{name}}"),
                        Chart.of("Requests per second", "reqps")
                                .min(0)
                                .describe("The contract's request timer (the gateway: Spring's): Reactor Netty's own "
                                        + "per-request timers cost the WebFlux targets too much CPU to compare.")
                                .query(sumBy(BY, rate(MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS + "_count")), LEGEND))
                .build();
    }
}
