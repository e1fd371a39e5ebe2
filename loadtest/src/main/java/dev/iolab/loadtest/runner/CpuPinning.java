package dev.iolab.loadtest.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the target and the load generator off each other's CPUs with taskset(1): the target runs on one
 * set, this JVM (Gatling, wrk, the connection holder) on a disjoint one. Without taskset, or when asked not
 * to, nothing is pinned and the report says so.
 */
public record CpuPinning(String targetCpus, String loadCpus, boolean enabled, String note, int allCpus) {

    /** Default split of {@code cpus} CPUs: the lower half (at least one) loads, the rest serves. */
    public static CpuPinning decide(String targetCpus, String loadCpus, boolean wanted, int cpus) {
        if (!wanted) {
            return new CpuPinning("all", "all", false, "not pinned (--no-pin)", cpus);
        }
        if (cpus < 2) {
            return new CpuPinning("all", "all", false, "not pinned: only " + cpus + " CPU", cpus);
        }
        if (!tasksetAvailable()) {
            return new CpuPinning("all", "all", false, "not pinned: taskset not found", cpus);
        }
        int loadCount = Math.max(1, cpus / 2);
        String load = loadCpus != null ? loadCpus : range(0, loadCount - 1);
        String target = targetCpus != null ? targetCpus : range(loadCount, cpus - 1);
        return new CpuPinning(
                target,
                load,
                true,
                "target on CPU " + target + ", load generator on CPU " + load
                        + " (targets start on all CPUs and are pinned once ready)",
                cpus);
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    static boolean tasksetAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "taskset"))) {
                return true;
            }
        }
        return false;
    }

    /** Number of CPUs in a taskset list such as {@code 0}, {@code 2-3} or {@code 0,2}; all CPUs when not pinned. */
    public static int count(String list, int all) {
        if (list == null || list.equals("all")) {
            return all;
        }
        int n = 0;
        for (String part : list.split(",")) {
            String[] ends = part.split("-");
            n += ends.length == 1 ? 1 : Integer.parseInt(ends[1].strip()) - Integer.parseInt(ends[0].strip()) + 1;
        }
        return n;
    }

    /**
     * The prefix that starts a target: on every CPU (this JVM's own pinning would otherwise be inherited), so that
     * startup, which is not measured, is not slowed down; {@link #pinTarget} moves it to its CPUs once it is ready.
     */
    public List<String> targetPrefix() {
        return enabled ? List.of("taskset", "-c", "0-" + (allCpus - 1)) : List.of();
    }

    /** Moves every thread of process {@code pid} (and so the threads it starts later) onto the target's CPUs. */
    public void pinTarget(long pid) throws IOException {
        if (enabled) {
            pin(targetCpus, pid);
        }
    }

    /** Moves every thread of this JVM (and so whatever it starts later) onto the load generator's CPUs. */
    public void pinThisProcess() throws IOException {
        if (enabled) {
            pin(loadCpus, ProcessHandle.current().pid());
        }
    }

    private static void pin(String cpus, long pid) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("taskset could not pin: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinning", e);
        }
    }
}
