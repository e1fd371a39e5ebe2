package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentMemoryMetricsTests {

    @Test
    void readsVmRssInBytesUnderThePrometheusClientName(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(
                dir.resolve("status"), "Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t  2048 kB\nThreads:\t12\n");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(MetricNames.TAG_IOMODEL, "plain-epoll");
        new ResidentMemoryMetrics(status).bindTo(registry);

        assertThat(registry.scrape())
                .contains(MetricNames.PROCESS_RESIDENT_MEMORY + "{iomodel=\"plain-epoll\"} 2097152");
    }

    @Test
    void theRealProcessHasAPositiveResidentSize() {
        assertThat(new ResidentMemoryMetrics().residentBytes()).isGreaterThan(1024 * 1024);
    }

    @Test
    void noSeriesWhereThereIsNoProcStatus(@TempDir Path dir) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ResidentMemoryMetrics(dir.resolve("missing")).bindTo(registry);
        assertThat(registry.scrape()).doesNotContain(MetricNames.PROCESS_RESIDENT_MEMORY);
    }
}
