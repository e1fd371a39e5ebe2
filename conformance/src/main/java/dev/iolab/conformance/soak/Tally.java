package dev.iolab.conformance.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one soak did, shared by all of them: requests per method and templated path (to set
 * against the server's own counts), bytes moved, and every problem seen (the first few kept whole).
 */
final class Tally {

    private static final int KEPT = 20;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong problemCount = new AtomicLong();
    private final List<String> problems = new ArrayList<>();

    /** One request answered (whatever its verdict) as {@code method uriTemplate}. */
    void request(String method, String uriTemplate, long bodyBytes) {
        requests.computeIfAbsent(method + " " + uriTemplate, k -> new LongAdder())
                .increment();
        bytes.add(bodyBytes);
    }

    void problem(String what) {
        if (problemCount.incrementAndGet() <= KEPT) {
            synchronized (problems) {
                problems.add(what);
            }
        }
    }

    /** Requests per {@code method uriTemplate}. */
    Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    long total() {
        return requests().values().stream().mapToLong(Long::longValue).sum();
    }

    long bytes() {
        return bytes.sum();
    }

    long problemCount() {
        return problemCount.get();
    }

    /** The first problems, and how many more there were. */
    List<String> problems() {
        synchronized (problems) {
            List<String> shown = new ArrayList<>(problems);
            long more = problemCount.get() - shown.size();
            if (more > 0) {
                shown.add("... and " + more + " more");
            }
            return shown;
        }
    }
}
