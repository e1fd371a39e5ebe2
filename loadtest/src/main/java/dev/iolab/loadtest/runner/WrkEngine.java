package dev.iolab.loadtest.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OS's wrk (C, epoll, no per-request allocation) as an alternative load generator for max-throughput
 * numbers where Gatling is the bottleneck; numbers are parsed from its {@code --latency} output.
 */
public final class WrkEngine {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern LATENCY =
            Pattern.compile("Latency\\s+[\\d.]+\\w+\\s+[\\d.]+\\w+\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs wrk with {@code threads} threads and {@code connections} connections against {@code url}. */
    public ClientNumbers run(String url, int threads, int connections, Duration duration, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "wrk",
                "-t" + Math.min(threads, connections),
                "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "10s",
                "--latency",
                url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("wrk did not finish");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Files.writeString(log, String.join(" ", cmd) + "\n" + out);
        if (p.exitValue() != 0) {
            throw new IOException("wrk exited with " + p.exitValue() + ": " + out);
        }
        return parse(out);
    }

    /** Numbers from wrk's {@code --latency} report (wrk gives no p99.9: it is NaN). */
    public static ClientNumbers parse(String out) {
        Matcher m = REQUESTS.matcher(out);
        if (!m.find()) {
            throw new IllegalArgumentException("not a wrk report: " + out);
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = ms(m.group(2), m.group(3)) / 1000;
        Matcher rps = RPS.matcher(out);
        double throughput = rps.find() ? Double.parseDouble(rps.group(1)) : requests / seconds;
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double v = ms(p.group(2), p.group(3));
            switch (p.group(1)) {
                case "50" -> p50 = v;
                case "90" -> p90 = v;
                default -> p99 = v;
            }
        }
        Matcher lat = LATENCY.matcher(out);
        double max = lat.find() ? ms(lat.group(1), lat.group(2)) : Double.NaN;
        long ko = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            ko += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = SOCKET_ERRORS.matcher(out);
        if (errors.find()) {
            // read/write/timeout errors are requests that failed; connect errors never became requests
            ko += Long.parseLong(errors.group(2)) + Long.parseLong(errors.group(3)) + Long.parseLong(errors.group(4));
        }
        return new ClientNumbers(
                requests,
                requests - Math.min(ko, requests),
                Math.min(ko, requests),
                throughput,
                p50,
                p90,
                p99,
                Double.NaN,
                max,
                seconds);
    }

    private static double ms(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> v;
        };
    }
}
