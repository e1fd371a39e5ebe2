package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestTimersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestTimers timers = new RequestTimers(registry);

    @Test
    void recordsEachRequestUnderItsTemplateStatusAndOutcome() {
        timers.record("GET", "/files/1k.bin", 200, 2_000_000);
        timers.record("GET", "/files/64k.bin", 200, 4_000_000);
        timers.record("PUT", "/files/x", 413, 1_000_000);

        Timer files = registry.get(MetricNames.HTTP_SERVER_REQUESTS)
                .tag(MetricNames.TAG_METHOD, "GET")
                .tag(MetricNames.TAG_URI, Endpoints.FILES_TEMPLATE)
                .tag(MetricNames.TAG_STATUS, "200")
                .tag(MetricNames.TAG_OUTCOME, "SUCCESS")
                .timer();
        assertThat(files.count()).isEqualTo(2);
        assertThat(files.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(registry.get(MetricNames.HTTP_SERVER_REQUESTS)
                        .tag(MetricNames.TAG_METHOD, "PUT")
                        .tag(MetricNames.TAG_OUTCOME, "CLIENT_ERROR")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void keepsUriAndMethodBoundedWhateverClientsSend() {
        for (int i = 0; i < 50; i++) {
            timers.record("X-METHOD-" + i, "/random/" + i, 404, 1);
        }
        assertThat(registry.find(MetricNames.HTTP_SERVER_REQUESTS).timers())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.getId().getTag(MetricNames.TAG_URI)).isEqualTo(MetricNames.URI_NOT_FOUND);
                    assertThat(t.getId().getTag(MetricNames.TAG_METHOD)).isEqualTo("UNKNOWN");
                    assertThat(t.count()).isEqualTo(50);
                });
    }

    @Test
    void gaugeCountsRequestsInFlight() {
        timers.begin();
        timers.begin();
        timers.begin();
        timers.end();
        assertThat(registry.get(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE).gauge().value())
                .isEqualTo(2.0);
        timers.record("GET", Endpoints.ECHO, 200, 1);
        assertThat(registry.get(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE).gauge().value())
                .as("record alone")
                .isEqualTo(2.0);
        timers.end();
        assertThat(registry.get(MetricNames.HTTP_SERVER_REQUESTS_ACTIVE).gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void uriValuesTheCallerAlreadyHasPassThrough() {
        timers.record("CONNECT", MetricNames.URI_UNKNOWN, 501, 1);
        assertThat(registry.get(MetricNames.HTTP_SERVER_REQUESTS)
                        .timer()
                        .getId()
                        .getTag(MetricNames.TAG_URI))
                .isEqualTo(MetricNames.URI_UNKNOWN);
    }

    @Test
    void prometheusShowsAHistogramTaggedAsTheContractSays() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        prometheus.config().commonTags(MetricNames.TAG_IOMODEL, "plain-epoll");
        RequestTimers recorder = new RequestTimers(prometheus);
        recorder.record("GET", Endpoints.ECHO, 200, 1_000_000);
        assertThat(prometheus.scrape())
                .containsPattern(MetricNames.HTTP_SERVER_REQUESTS_PROMETHEUS
                        + "_bucket\\{iomodel=\"plain-epoll\",method=\"GET\","
                        + "outcome=\"SUCCESS\",status=\"200\",uri=\"/echo\",le=\"0.001\"} 1")
                .contains("http_server_requests_active{iomodel=\"plain-epoll\"} 0");
    }
}
