package dev.iolab.loadtest.runner;

/**
 * What the load generator measured in one run: counts, throughput and latency percentiles in ms
 * (Gatling resolves whole milliseconds; wrk microseconds).
 */
public record ClientNumbers(
        long requests,
        long ok,
        long ko,
        double throughputRps,
        double p50,
        double p90,
        double p99,
        double p999,
        double max,
        double durationSeconds) {

    public static final ClientNumbers NONE = new ClientNumbers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** KO share in percent (0 when nothing ran). */
    public double errorPercent() {
        return requests == 0 ? 0 : 100.0 * ko / requests;
    }
}
