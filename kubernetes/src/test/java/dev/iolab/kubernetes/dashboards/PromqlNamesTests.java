package dev.iolab.kubernetes.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The structure checks' reading of PromQL finds what they look for, and flags what they must flag. */
class PromqlNamesTests {

    private static final String QUANTILE = "histogram_quantile(0.99, sum by (le, iomodel) "
            + "(rate(http_server_requests_seconds_bucket{iomodel=~\"$iomodel\",uri!=\"/delay\"}[$__rate_interval])))";

    @Test
    void readsMetricNamesMatchersAndVariables() {
        assertThat(PromqlNames.metrics(QUANTILE)).containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromqlNames.matchers(QUANTILE)).containsExactly("iomodel=~\"$iomodel\",uri!=\"/delay\"");
        assertThat(PromqlNames.variables(QUANTILE)).containsExactly("iomodel", "__rate_interval");
        assertThat(PromqlNames.variables("x{a=\"${other}\"}")).containsExactly("other");
    }

    @Test
    void aBracedSelectorLeavesNothingBareButAnUnbracedOneIsFlagged() {
        assertThat(PromqlNames.bareIdentifiers(QUANTILE)).isEmpty();
        assertThat(PromqlNames.bareIdentifiers("a{iomodel=~\"$iomodel\"} / b{iomodel=~\"$iomodel\"} or 0 * c{x=\"y\"}"))
                .isEmpty();
        assertThat(PromqlNames.bareIdentifiers("sum by (iomodel) (rate(process_cpu_seconds_total[5m]))"))
                .containsExactly("process_cpu_seconds_total");
    }

    @Test
    void labelValuesNamesItsMetric() {
        assertThat(PromqlNames.labelValuesMetric("label_values(iolab_loop_wakeups_total, iomodel)", "iomodel"))
                .isEqualTo("iolab_loop_wakeups_total");
        assertThat(PromqlNames.labelValuesMetric("label_values(up, job)", "iomodel"))
                .isNull();
    }
}
