package dev.iolab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.tools.RequiredTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus configurations, recording rules and alerts pass the real promtool, unit tests included. */
class PrometheusConfigIT {

    private static final Path PROMETHEUS =
            Path.of("..", "k8s", "monitoring", "prometheus").toAbsolutePath().normalize();

    @BeforeAll
    static void requirePromtool() {
        RequiredTool.onPath(
                "apt-get install prometheus, the Debian package of promtool (./iolab verify does)", "promtool");
    }

    @Test
    void recordingRulesAndAlertsAreValid() throws IOException {
        assertThat(promtool("check", "rules", "rules/iolab.rules.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresAndStaysQuietAsItsUnitTestsSay() throws IOException {
        assertThat(promtool("test", "rules", "tests/iolab.rules.test.yml")).contains("SUCCESS");
    }

    @Test
    void localScrapeConfigIsValid() throws IOException {
        assertThat(promtool("check", "config", "--syntax-only", "prometheus.yml"))
                .contains("SUCCESS");
    }

    // prometheus-kubernetes.yml is not checked here: Debian builds Prometheus without kubernetes_sd_configs, so its
    // promtool rejects that field; PrometheusScrapeIT checks the relabelling of that file instead.

    private static String promtool(String... args) throws IOException {
        // promtool resolves rule_files and tests relative to the file it reads: run it from that folder
        List<String> command = new java.util.ArrayList<>(
                List.of("sh", "-c", "cd \"$0\" && exec promtool \"$@\" 2>&1", PROMETHEUS.toString()));
        command.addAll(List.of(args));
        return Kustomize.run(command);
    }
}
