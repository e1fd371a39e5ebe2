package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.maxBy;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sel;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything served by Reactor Netty (the WebFlux targets and the gateway): connections, the tasks queued on each
 * event loop (a loop that falls behind shows here first), throughput and Netty's own response time.
 */
final class ReactorNettyDashboard {

    static final String UID = "iolab-reactor-netty";
    private static final String BY = "iomodel";
    private static final String LEGEND = "{{iomodel}}";

    private ReactorNettyDashboard() {
    }

    static Dashboard dashboard() {
        List<String> iomodels = new ArrayList<>(DashboardBuilder.ids(Arrays.stream(Target.values())
                .filter(t -> t.module() == Target.Module.REACTIVE_SERVICE).toList()));
        iomodels.add(Target.GATEWAY_ID);
        return new DashboardBuilder(UID, "iolab: Reactor Netty (webflux-*, gateway)",
                "Reactor Netty's server metrics: epoll or io_uring event loops, each serving many connections.",
                "reactor_netty_http_server_connections", iomodels)
                .row(Chart.of("Connections", "short").min(0)
                                .describe("Open connections, and those with a request in progress.")
                                .query(sumBy(BY, sel("reactor_netty_http_server_connections")), "{{iomodel}} open")
                                .query(sumBy(BY, sel("reactor_netty_http_server_connections_active")),
                                        "{{iomodel}} active"),
                        Chart.of("Event-loop pending tasks", "short").min(0)
                                .describe("Tasks waiting on each event loop; growing means the loop cannot keep up "
                                        + "(blocking work on it, or simply saturated).")
                                .query(maxBy(BY + ", name", sel("reactor_netty_eventloop_pending_tasks")),
                                        "{{iomodel}} {{name}}"))
                .row(Chart.of("Responses per second", "reqps").min(0)
                                .query(sumBy(BY, rate("reactor_netty_http_server_response_time_seconds_count")), LEGEND),
                        Chart.of("Mean response time (Netty)", "s").min(0)
                                .query(sumBy(BY, rate("reactor_netty_http_server_response_time_seconds_sum")) + " / "
                                        + sumBy(BY, rate("reactor_netty_http_server_response_time_seconds_count")),
                                        LEGEND),
                        Chart.of("Bytes per second", "Bps").min(0)
                                .query(sumBy(BY, rate("reactor_netty_http_server_data_received_bytes_sum")),
                                        "{{iomodel}} received")
                                .query(sumBy(BY, rate("reactor_netty_http_server_data_sent_bytes_sum")),
                                        "{{iomodel}} sent"))
                .row(Chart.of("Direct memory of Netty's allocator", "bytes").min(0)
                        .query(sumBy(BY, sel("reactor_netty_bytebuf_allocator_used_direct_memory")), LEGEND))
                .build();
    }
}
