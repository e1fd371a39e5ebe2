package dev.iolab.loadtest.report;

import dev.iolab.loadtest.server.ServerSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row's measurement over time, on one clock (seconds since the measurement began): the load generator's
 * requests and percentiles per second, and the target's CPU, memory, threads, open descriptors and GC pauses from
 * the 200 ms samples.
 */
public record Timeline(
        String target, String scenario, int users, List<ClientSeconds.Second> client, List<Point> server) {

    /** The target between two samples: CPU in cores, RSS, threads, open descriptors, GC pause ms per second (null: not scraped). */
    public record Point(double t, double cpuCores, double rssMb, int threads, int openFds, Double gcMsPerSecond) {}

    /** Shortest interval a rate is computed over: most of the 200 ms sampling period. */
    static final double MIN_INTERVAL_S = 0.15;

    /** The key a row's samples are kept under while the run goes on. */
    public static String key(String target, String scenario, int users) {
        return target + "/" + scenario + "/" + users;
    }

    /**
     * The timeline of {@code row}: its samples, and the per-second records of its Gatling run when the run folder
     * holds its simulation.log (wrk keeps no per-request records).
     */
    public static Timeline of(ResultRow row, List<ServerSample> samples, Path runDir) throws IOException {
        Long origin = samples.isEmpty() ? null : samples.getFirst().epochMs();
        List<ClientSeconds.Second> client = List.of();
        if (row.gatlingReport() != null) {
            Path log = runDir.resolve(row.gatlingReport()).getParent().resolve("simulation.log");
            if (Files.isRegularFile(log)) {
                client = ClientSeconds.read(log, origin);
            }
        }
        return new Timeline(row.target(), row.scenario(), row.users(), client, points(samples));
    }

    /** Rates between consecutive samples; GC from one scraped sample to the next. */
    static List<Point> points(List<ServerSample> samples) {
        List<Point> points = new ArrayList<>();
        if (samples.isEmpty()) {
            return points;
        }
        long origin = samples.getFirst().epochMs();
        ServerSample lastGc = samples.getFirst().gcPauseSeconds() != null ? samples.getFirst() : null;
        ServerSample a = samples.getFirst();
        for (int i = 1; i < samples.size(); i++) {
            ServerSample b = samples.get(i);
            double dt = (b.epochMs() - a.epochMs()) / 1000.0;
            // a late sampler catches up with samples milliseconds apart: CPU ticks (10 ms) need a longer interval
            if (dt < MIN_INTERVAL_S) {
                continue;
            }
            Double gc = null;
            if (b.gcPauseSeconds() != null) {
                if (lastGc != null && b.epochMs() > lastGc.epochMs()) {
                    gc = Math.max(0, b.gcPauseSeconds() - lastGc.gcPauseSeconds())
                            * 1000
                            / ((b.epochMs() - lastGc.epochMs()) / 1000.0);
                }
                lastGc = b;
            }
            points.add(new Point(
                    (b.epochMs() - origin) / 1000.0,
                    Math.max(0, b.cpuSeconds() - a.cpuSeconds()) / dt,
                    b.rssBytes() / (1024.0 * 1024.0),
                    b.threads(),
                    b.openFds(),
                    gc));
            a = b;
        }
        return points;
    }
}
