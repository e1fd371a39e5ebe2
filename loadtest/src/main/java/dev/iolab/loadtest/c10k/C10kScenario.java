package dev.iolab.loadtest.c10k;

import dev.iolab.loadtest.server.ProcStats;
import dev.iolab.loadtest.server.ServerWatch;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * The c10k scenario: hold N idle keep-alive connections to a target, probe it meanwhile, and report what each
 * held connection cost the target in threads and resident memory (multiplexing versus thread-per-connection).
 */
public final class C10kScenario {

    /** File descriptors kept free for everything else this JVM opens (jars, Gatling's connections, logs). */
    static final int FD_RESERVE = 512;

    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    private C10kScenario() {}

    /** How many connections this process may open: {@code asked}, or fewer when the open-files limit is lower. */
    public static int allowed(int asked, List<String> notes) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os) {
            long free = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - FD_RESERVE;
            if (free < asked) {
                int capped = (int) Math.max(0, free);
                notes.add("c10k: holding " + capped + " connections instead of " + asked + ": the open-files limit is "
                        + os.getMaxFileDescriptorCount()
                        + " (raise the hard limit: ulimit -Hn, /etc/security/limits.conf)");
                return capped;
            }
        }
        return asked;
    }

    /**
     * Holds {@code connections} to {@code loadUrl}, runs {@code probe} while holding them (it measures latency
     * with Gatling), and returns the c10k numbers; all connections are closed before it returns.
     */
    public static <T> Held<T> hold(
            String loadUrl, String serverUrl, OptionalLong pid, int connections, Callable<T> probe) throws Exception {
        URI uri = URI.create(loadUrl);
        Snapshot before = Snapshot.of(serverUrl, pid);
        try (ConnectionHolder holder =
                new ConnectionHolder(uri.getHost(), uri.getPath().replaceAll("/+$", ""))) {
            long start = System.nanoTime();
            holder.open(new InetSocketAddress(uri.getHost(), uri.getPort()), connections, OPEN_TIMEOUT);
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Snapshot holding = Snapshot.of(serverUrl, pid);
            T probed = probe.call();
            int closed = holder.closedByTarget();
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("connections_asked", connections);
            numbers.put("connections_held", holder.held());
            numbers.put("connections_failed", holder.failed());
            numbers.put("closed_by_target_during_probe", closed);
            numbers.put("open_seconds", Math.round(openSeconds * 100) / 100.0);
            numbers.put("threads_before", before.threads());
            numbers.put("threads_holding", holding.threads());
            numbers.put("rss_before_mb", before.rssMb());
            numbers.put("rss_holding_mb", holding.rssMb());
            int held = Math.max(1, holder.held());
            if (before.threads() != null && holding.threads() != null) {
                numbers.put(
                        "threads_per_connection",
                        Math.round(1000.0 * (holding.threads() - before.threads()) / held) / 1000.0);
            }
            if (before.rssMb() != null && holding.rssMb() != null) {
                numbers.put(
                        "rss_kb_per_connection",
                        Math.round(1024.0 * 10 * (holding.rssMb() - before.rssMb()) / held) / 10.0);
            }
            return new Held<>(probed, numbers);
        }
    }

    /** The probe's result and the c10k numbers. */
    public record Held<T>(T probe, Map<String, Object> numbers) {}

    /** Threads and RSS of the target at one moment: from /proc when launched here, else threads from Prometheus. */
    record Snapshot(Integer threads, Double rssMb) {
        static Snapshot of(String serverUrl, OptionalLong pid) {
            if (pid.isPresent()) {
                return ProcStats.read(pid.getAsLong())
                        .map(s -> new Snapshot(s.threads(), Math.round(s.rssBytes() / 1024.0 / 1024.0 * 10) / 10.0))
                        .orElse(new Snapshot(null, null));
            }
            double threads = ServerWatch.scrape(serverUrl).liveThreads();
            return new Snapshot(threads > 0 ? (int) threads : null, null);
        }
    }
}
