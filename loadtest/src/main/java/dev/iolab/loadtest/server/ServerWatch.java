package dev.iolab.loadtest.server;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.anatomy.AnatomyWatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Brackets one measurement: scrapes the target's Prometheus endpoint and /proc before and after, samples
 * memory and threads in between, and turns the differences into {@link ServerNumbers} and an {@link Anatomy}.
 */
public final class ServerWatch {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final OptionalLong pid;
    private PrometheusText before;
    private Optional<ProcStats> procBefore = Optional.empty();
    private ProcSampler sampler;
    private AnatomyWatch anatomy;

    public ServerWatch(String baseUrl, OptionalLong pid) {
        this.baseUrl = baseUrl;
        this.pid = pid;
    }

    public void start() {
        before = scrape(baseUrl);
        if (pid.isPresent()) {
            procBefore = ProcStats.read(pid.getAsLong());
            anatomy = new AnatomyWatch(AnatomyWatch.PROC, pid.getAsLong());
            sampler = new ProcSampler(
                    pid.getAsLong(),
                    () -> {
                        PrometheusText gc = scrape(baseUrl);
                        // an answered scrape without the metric means no pause yet (0); no answer means unknown
                        return gc.samples().isEmpty() ? Double.NaN : gc.gcPauseSeconds();
                    },
                    anatomy);
        }
    }

    public ServerNumbers stop() {
        PrometheusText after = scrape(baseUrl);
        Optional<ProcStats> procAfter = pid.isPresent() ? ProcStats.read(pid.getAsLong()) : Optional.empty();
        if (sampler != null) {
            sampler.close();
            anatomy.stop();
        }
        // A delta needs both scrapes: an unanswered first one (a target too busy to answer within its timeout, as
        // plain-busypoll holding 10,000 connections) would make it the total since start.
        boolean both = answered(before) && answered(after);
        Long requests = requestsBetween(before, after);
        Double cpu = procBefore.isPresent() && procAfter.isPresent()
                ? procAfter.get().cpuSeconds() - procBefore.get().cpuSeconds()
                : both && after.cpuSeconds() > 0 ? after.cpuSeconds() - before.cpuSeconds() : null;
        Double cpuPer1k = cpu != null && requests != null && requests > 0 ? cpu * 1000.0 * 1000.0 / requests : null;
        Double rss = sampler != null && sampler.peakRssBytes() > 0 ? sampler.peakRssBytes() / (1024.0 * 1024.0) : null;
        Integer threads = sampler != null && sampler.peakThreads() > 0
                ? Integer.valueOf(sampler.peakThreads())
                : after.has("jvm_threads_live_threads")
                        ? (int) Math.max(before.liveThreads(), after.liveThreads())
                        : null;
        TreeMap<Double, Double> histogram = Histograms.delta(before.latencyBuckets(), after.latencyBuckets());
        Double p50 = both ? ms(Histograms.quantile(0.50, histogram)) : null;
        Double p99 = both ? ms(Histograms.quantile(0.99, histogram)) : null;
        Long gcPauses = both ? Math.round(after.gcPauseCount() - before.gcPauseCount()) : null;
        Double gcMs = both ? (after.gcPauseSeconds() - before.gcPauseSeconds()) * 1000 : null;
        return new ServerNumbers(requests, cpu, cpuPer1k, rss, threads, p50, p99, gcPauses, gcMs);
    }

    /** Requests the server counted between two scrapes; null unless both were answered and carry the count. */
    static Long requestsBetween(PrometheusText before, PrometheusText after) {
        String count = "http_server_requests_seconds_count";
        return before.has(count) && after.has(count) ? Math.round(after.requests() - before.requests()) : null;
    }

    private static boolean answered(PrometheusText scrape) {
        return !scrape.samples().isEmpty();
    }

    /** How the target waited in the window just stopped, per request of {@code requests} (the server's count). */
    public Anatomy anatomy(long requests) {
        return anatomy == null ? Anatomy.unavailable("no /proc for a target at a given URL") : anatomy.result(requests);
    }

    /** The 200 ms samples of the measurement (empty for a target without a local pid). */
    public java.util.List<ServerSample> samples() {
        return sampler == null ? java.util.List.of() : sampler.samples();
    }

    private static Double ms(double seconds) {
        return Double.isNaN(seconds) ? null : seconds * 1000;
    }

    /** One scrape; an unreachable endpoint gives an empty scrape rather than failing the run. */
    public static PrometheusText scrape(String baseUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + Endpoints.PROMETHEUS))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return PrometheusText.parse(response.statusCode() == 200 ? response.body() : "");
        } catch (IOException e) {
            return PrometheusText.parse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrometheusText.parse("");
        }
    }
}
