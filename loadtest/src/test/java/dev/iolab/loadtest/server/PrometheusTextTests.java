package dev.iolab.loadtest.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    private static final String BEFORE = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="0.001"} 10
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="0.01"} 20
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="+Inf"} 20
            http_server_requests_seconds_count{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo"} 20
            http_server_requests_seconds_count{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 7
            jvm_threads_live_threads{iomodel="x"} 30.0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",iomodel="x"} 2
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation",iomodel="x"} 0.004
            """;
    private static final String AFTER = """
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="0.001"} 60
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="0.01"} 120
            http_server_requests_seconds_bucket{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo",le="+Inf"} 120
            http_server_requests_seconds_count{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/echo"} 120
            http_server_requests_seconds_count{iomodel="x",method="POST",outcome="SUCCESS",status="200",uri="/echo"} 5
            http_server_requests_seconds_count{iomodel="x",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 9
            jvm_threads_live_threads{iomodel="x"} 33.0
            """;

    @Test
    void requestsCountTheLoadAndNotTheScrapes() {
        assertThat(PrometheusText.parse(BEFORE).requests()).isEqualTo(20);
        assertThat(PrometheusText.parse(AFTER).requests()).isEqualTo(125);
    }

    @Test
    void percentilesInterpolateInsideTheBucketOfTheDelta() {
        TreeMap<Double, Double> delta = Histograms.delta(
                PrometheusText.parse(BEFORE).latencyBuckets(),
                PrometheusText.parse(AFTER).latencyBuckets());
        assertThat(delta).containsEntry(0.001, 50.0).containsEntry(0.01, 100.0);
        // rank 50 of 100 is the top of the first bucket; rank 99 is 98% into the second
        assertThat(Histograms.quantile(0.5, delta)).isCloseTo(0.001, within(1e-9));
        assertThat(Histograms.quantile(0.99, delta)).isCloseTo(0.001 + 0.009 * 49 / 50, within(1e-9));
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertThat(Histograms.quantile(0.5, new TreeMap<>())).isNaN();
    }

    @Test
    void readsThreadsAndGcPauses() {
        PrometheusText before = PrometheusText.parse(BEFORE);
        assertThat(before.liveThreads()).isEqualTo(30);
        assertThat(before.gcPauseCount()).isEqualTo(2);
        assertThat(before.gcPauseSeconds()).isEqualTo(0.004);
    }
}
