package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkEngineTests {

    private static final String REPORT = """
            Running 5s test @ http://127.0.0.1:18500/echo?msg=hello
              1 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   563.22us  201.10us   5.21ms   89.20%
                Req/Sec    50.12k     2.01k   55.00k    70.00%
              Latency Distribution
                 50%  532.00us
                 75%  600.00us
                 90%  700.00us
                 99%    1.20ms
              249414 requests in 5.00s, 30.21MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 12
            Requests/sec:  49882.10
            Transfer/sec:      6.04MB
            """;

    @Test
    void parsesCountsThroughputAndPercentilesInMilliseconds() {
        ClientNumbers n = WrkEngine.parse(REPORT);
        assertThat(n.requests()).isEqualTo(249414);
        assertThat(n.ko()).isEqualTo(15);
        assertThat(n.ok()).isEqualTo(249414 - 15);
        assertThat(n.throughputRps()).isEqualTo(49882.10);
        assertThat(n.p50()).isCloseTo(0.532, within(1e-9));
        assertThat(n.p90()).isCloseTo(0.7, within(1e-9));
        assertThat(n.p99()).isCloseTo(1.2, within(1e-9));
        assertThat(n.max()).isCloseTo(5.21, within(1e-9));
        assertThat(n.p999()).as("wrk prints no p99.9").isNaN();
        assertThat(n.durationSeconds()).isEqualTo(5.0);
    }
}
