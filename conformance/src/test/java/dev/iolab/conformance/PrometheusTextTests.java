package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void parsesSamplesWithLabelsAndSkipsComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP http_server_requests_seconds
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{iomodel="mvc-virtual",method="GET",uri="/files/{name}",le="0.001"} 3
                process_cpu_usage{iomodel="mvc-virtual"} 0.25
                odd_label{v="a \\"quoted\\" value"} 1
                """);
        assertThat(samples).hasSize(3);
        assertThat(samples.getFirst().labels())
                .containsEntry("uri", "/files/{name}")
                .containsEntry("le", "0.001");
        assertThat(samples.get(1).value()).isEqualTo("0.25");
        assertThat(samples.get(2).labels()).containsEntry("v", "a \"quoted\" value");
    }
}
