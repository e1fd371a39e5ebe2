package dev.iolab.loadtest.anatomy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * System calls of a target by name over a separate run under {@code strace -c -f} (which stops every thread at
 * every call, so that run is slower than the measured one and its throughput is not comparable): calls and failed
 * calls per name, the requests served meanwhile, and calls per request.
 */
public record SyscallCounts(
        Map<String, Long> calls, Map<String, Long> errors, long requests, double seconds, String error) {

    /** Parses strace's summary written with {@code -c -U name,calls,errors}, sorted by calls, most first. */
    public static SyscallCounts parse(String summary, long requests, double seconds) {
        Map<String, Long> calls = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        for (String line : summary.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2
                    || f[0].equals("syscall")
                    || f[0].startsWith("---")
                    || f[0].equals("total")
                    || !f[1].matches("\\d+")) {
                continue;
            }
            calls.put(f[0], Long.parseLong(f[1]));
            if (f.length > 2 && f[2].matches("\\d+")) {
                errors.put(f[0], Long.parseLong(f[2]));
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        calls.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new SyscallCounts(sorted, errors, requests, seconds, null);
    }

    /** The pass could not run (strace missing, not allowed to attach); the reason is kept for the report. */
    public static SyscallCounts failed(String error) {
        return new SyscallCounts(Map.of(), Map.of(), 0, 0, error);
    }

    public long total() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls per request by name, most first; empty when no request was served. */
    public Map<String, Double> perRequest() {
        Map<String, Double> per = new LinkedHashMap<>();
        if (requests > 0) {
            calls.forEach((name, n) -> per.put(name, (double) n / requests));
        }
        return per;
    }

    public Double throughputRps() {
        return seconds > 0 ? requests / seconds : null;
    }
}
