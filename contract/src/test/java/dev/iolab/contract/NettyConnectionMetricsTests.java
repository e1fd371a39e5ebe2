package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/** A real Reactor Netty server counts its connections and exposes its event loops' pending tasks. */
class NettyConnectionMetricsTests {

    @Test
    void countsEveryConnectionOnceAndRegistersEachEventLoop() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(MetricNames.TAG_IOMODEL, "webflux-epoll");
        NettyConnectionMetrics metrics = new NettyConnectionMetrics(registry);
        DisposableServer server = metrics.apply(
                        HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> response.sendString(Mono.just("ok")))
                .bindNow();
        try {
            for (int i = 0; i < 3; i++) {
                // a client without a pool: a connection per request, closed after it
                String body = HttpClient.newConnection()
                        .get()
                        .uri("http://127.0.0.1:" + server.port() + "/x")
                        .responseContent()
                        .aggregate()
                        .asString()
                        .block(Duration.ofSeconds(10));
                assertThat(body).isEqualTo("ok");
            }
            // the server sees each close after the client: wait for the third, not for a fixed time
            Awaitility.await("three closes counted")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> registry.scrape()
                                    .contains(
                                            "reactor_netty_http_server_connections_closed_total{iomodel=\"webflux-epoll\"} 3.0"));
            assertThat(registry.scrape())
                    .contains("reactor_netty_http_server_connections_accepted_total{iomodel=\"webflux-epoll\"} 3.0")
                    .contains("reactor_netty_http_server_connections_closed_total{iomodel=\"webflux-epoll\"} 3.0")
                    .contains("reactor_netty_http_server_connections{iomodel=\"webflux-epoll\"} 0.0")
                    .containsPattern(
                            "reactor_netty_eventloop_pending_tasks\\{iomodel=\"webflux-epoll\",name=\"reactor-http-[a-z_]+-\\d+\"} 0.0");
        } finally {
            server.disposeNow();
        }
    }
}
