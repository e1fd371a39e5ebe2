package dev.iolab.kubernetes.dashboards;

import static dev.iolab.kubernetes.dashboards.Promql.orZero;
import static dev.iolab.kubernetes.dashboards.Promql.quantile;
import static dev.iolab.kubernetes.dashboards.Promql.rate;
import static dev.iolab.kubernetes.dashboards.Promql.sumBy;

import dev.iolab.contract.Target;
import java.util.List;

/**
 * The gateway's routes, one per target: request rate, latency through the gateway and the upstream failures it turned
 * into 502/503/504, from Spring Cloud Gateway's per-route timer.
 */
final class GatewayDashboard {

    static final String UID = "iolab-gateway";
    static final String ROUTE_TIMER = "spring_cloud_gateway_requests_seconds";
    private static final String BY = "iomodel, routeId";
    private static final String LEGEND = "{{routeId}}";
    private static final String UPSTREAM_FAILURE = "httpStatusCode=~\"502|503|504\"";

    private GatewayDashboard() {}

    static Dashboard dashboard() {
        String routeRate = sumBy(BY, rate(ROUTE_TIMER + "_count"));
        String failureRate = sumBy(BY, rate(ROUTE_TIMER + "_count", UPSTREAM_FAILURE));
        return new DashboardBuilder(
                        UID,
                        "iolab: gateway routes",
                        "Spring Cloud Gateway's per-route timer (routeId is the target id): what a request costs through the "
                                + "gateway, and which upstreams fail.",
                        ROUTE_TIMER + "_count",
                        List.of(Target.GATEWAY_ID))
                .row(
                        Chart.of("Requests per second per route", "reqps")
                                .min(0)
                                .query(routeRate, LEGEND),
                        Chart.of("Upstream failures per second per route", "reqps")
                                .min(0)
                                .describe("502 (closed before answering), 503 (unreachable), 504 (no answer in "
                                        + "time); 0 while a route has had none.")
                                .query(orZero(failureRate, routeRate), LEGEND))
                .row(
                        Chart.of("Latency p50 / p99 per route", "s")
                                .min(0)
                                .query(quantile(0.5, ROUTE_TIMER, BY), "{{routeId}} p50")
                                .query(quantile(0.99, ROUTE_TIMER, BY), "{{routeId}} p99"),
                        Chart.of("Upstream failure ratio per route", "percentunit")
                                .min(0)
                                .query(orZero(failureRate + " / " + routeRate, routeRate), LEGEND))
                .build();
    }
}
