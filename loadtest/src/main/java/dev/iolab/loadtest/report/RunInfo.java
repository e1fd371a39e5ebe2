package dev.iolab.loadtest.report;

import java.util.List;
import java.util.Map;

/**
 * What a reader needs to judge a run: when, on what machine and CPUs, pinned how, which JDK and versions,
 * which commit, which mode and engine, how long the warm-up and the measurement were, and any caveats.
 */
public record RunInfo(
        String id,
        String started,
        Map<String, Object> machine,
        int cpus,
        Map<String, Object> pinning,
        String jdk,
        String gitCommit,
        String mode,
        String engine,
        Map<String, String> versions,
        double warmupSeconds,
        double durationSeconds,
        List<String> notes) {}
