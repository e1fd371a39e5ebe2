package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MediaTypes;

/** The actuator-style endpoints: health and its liveness/readiness groups (503 while draining), and Prometheus metrics. */
final class HealthHandler {

    private static final String OUT_OF_SERVICE = "{\"status\":\"OUT_OF_SERVICE\"}";
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private HealthHandler() {}

    static Exchange health(HttpConnection c, String uri) {
        boolean down = uri.equals(Endpoints.READINESS) && c.context().draining();
        return FixedExchange.text(
                c, uri, down ? 503 : 200, MediaTypes.JSON, down ? OUT_OF_SERVICE : Endpoints.HEALTH_UP_BODY);
    }

    static Exchange prometheus(HttpConnection c) {
        return new FixedExchange(
                c,
                Endpoints.PROMETHEUS,
                200,
                PROMETHEUS_TYPE,
                c.context().metrics().scrape());
    }
}
