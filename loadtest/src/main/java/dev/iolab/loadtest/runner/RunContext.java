package dev.iolab.loadtest.runner;

import dev.iolab.loadtest.report.RunInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Gathers what the report must name about the run: machine, CPUs, pinning, JDK, versions and git commit. */
final class RunContext {

    private RunContext() {}

    static RunInfo describe(
            String id, Instant started, CompareOptions o, CpuPinning pinning, int cpus, List<String> notes) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("host", host());
        machine.put("cpu_model", cpuModel());
        machine.put("memory", memoryGb() + " GB");
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        Map<String, Object> pin = new LinkedHashMap<>();
        pin.put("enabled", pinning.enabled());
        pin.put("target_cpus", pinning.targetCpus());
        pin.put("load_cpus", pinning.loadCpus());
        pin.put("note", pinning.note());
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("iolab", "0.1.0-SNAPSHOT");
        versions.put(
                "gatling",
                String.valueOf(io.gatling.app.Gatling.class.getPackage().getImplementationVersion()));
        if (o.engine().equals("wrk")) {
            versions.put(
                    "wrk", command("wrk", "-v").lines().findFirst().orElse("?").strip());
        }
        String mode = (o.quick() ? "quick" : "full")
                + (o.viaGateway() ? ", via gateway" : "")
                + (o.baseUrls().isEmpty()
                        ? ", targets launched as JVMs here"
                        : ", some targets at given URLs: " + o.baseUrls())
                + (o.rate() > 0 ? ", open model " + o.rate() + " iterations/s" : ", closed model")
                + (o.repeat() > 1 ? ", " + o.repeat() + " alternating rounds (numbers are medians)" : ", one round")
                + (o.baseline() != null ? ", against baseline " + o.baseline() : "");
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        String commit = command("git", "-C", o.repoRoot().toString(), "rev-parse", "--short=12", "HEAD")
                .strip();
        if (!commit.isEmpty()
                && !command("git", "-C", o.repoRoot().toString(), "status", "--porcelain", "--untracked-files=no")
                        .isBlank()) {
            commit += " (with uncommitted changes)";
        }
        return new RunInfo(
                id,
                started.truncatedTo(ChronoUnit.SECONDS).toString(),
                machine,
                cpus,
                pin,
                jdk,
                commit.isEmpty() ? "unknown" : commit,
                mode,
                o.engine(),
                versions,
                o.warmup().toMillis() / 1000.0,
                o.duration().toMillis() / 1000.0,
                notes);
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" without /proc. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Says so in the report when other processes were already busy on the machine before the run began. */
    static void noteBusyMachine(String loadAverage, int cpus, List<String> notes) {
        try {
            double oneMinute = Double.parseDouble(loadAverage.split(" ")[0]);
            if (oneMinute > 0.5 * cpus) {
                notes.add(
                        "the machine was busy before the run (load average " + loadAverage + " on " + cpus
                                + " CPUs): other processes competed for the pinned CPUs, so absolute numbers are low; compare with care");
            }
        } catch (RuntimeException e) {
            // no load average: nothing to say
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static long memoryGb() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024))
                : 0;
    }

    /** Output of a short command, or empty when it cannot run. */
    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() <= 1 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
