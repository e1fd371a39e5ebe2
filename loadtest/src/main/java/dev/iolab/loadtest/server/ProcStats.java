package dev.iolab.loadtest.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux knows about a process, read from {@code /proc/<pid>}: CPU time (utime + stime), resident memory
 * and thread count. Absent where there is no /proc (macOS) or the process is gone.
 */
public record ProcStats(double cpuSeconds, long rssBytes, long hwmBytes, int threads) {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on every mainstream Linux (getconf CLK_TCK). */
    static final double CLOCK_TICKS = 100.0;

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    public static Optional<ProcStats> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name "(...)", which may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS; // utime, stime (fields 14, 15)
            long rss = 0;
            long hwm = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).strip());
                }
            }
            return Optional.of(new ProcStats(cpu, rss, hwm, threads));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU seconds of this JVM plus its reaped children (wrk): utime + stime + cutime + cstime of /proc/self/stat,
     * or the JVM's own figure where there is no /proc.
     */
    public static double selfCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                    / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
}
