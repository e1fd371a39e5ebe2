package dev.iolab.loadtest.anatomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts a running target's system calls by name: {@code strace -c -f -p <pid>} attaches to every thread of the
 * process (and follows the threads it starts), is stopped with SIGTERM, detaches and writes its summary. Attaching
 * needs ptrace rights on the target (root, or the same user with Yama's ptrace_scope at 0).
 */
public final class StracePass implements AutoCloseable {

    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);

    private final Process strace;
    private final Path summary;
    private final Path log;

    private StracePass(Process strace, Path summary, Path log) {
        this.strace = strace;
        this.summary = summary;
        this.log = log;
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "strace"))) {
                return true;
            }
        }
        return false;
    }

    /** Attaches to {@code pid} and returns once every thread it had is attached (strace says so per thread). */
    public static StracePass attach(long pid, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path summary = workDir.resolve("strace-summary.txt");
        Path log = workDir.resolve("strace.log");
        int threads = ProcessTasks.read(AnatomyWatch.PROC, pid).size();
        Process p = new ProcessBuilder(List.of(
                        "strace",
                        "-c",
                        "-f",
                        "-U",
                        "name,calls,errors",
                        "-o",
                        summary.toString(),
                        "-p",
                        Long.toString(pid)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        StracePass pass = new StracePass(p, summary, log);
        long deadline = System.nanoTime() + ATTACH_TIMEOUT.toNanos();
        try {
            while (pass.attached() < Math.max(1, threads)) {
                if (!p.isAlive()) {
                    throw new IOException("strace could not attach to " + pid + ": "
                            + Files.readString(log).strip());
                }
                if (System.nanoTime() > deadline) {
                    break; // threads that exited meanwhile never attach; what is attached is counted
                }
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pass.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while attaching strace", e);
        }
        return pass;
    }

    private long attached() throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" attached")).count();
        }
    }

    /** Detaches (SIGTERM: strace lets the target go on) and parses the counts. */
    public SyscallCounts finish(long requests, double seconds) throws IOException {
        close();
        if (!Files.isRegularFile(summary)) {
            return SyscallCounts.failed(
                    "strace wrote no summary: " + Files.readString(log).strip());
        }
        return SyscallCounts.parse(Files.readString(summary), requests, seconds);
    }

    @Override
    public void close() {
        if (strace.isAlive()) {
            strace.destroy();
            try {
                if (!strace.waitFor(60, TimeUnit.SECONDS)) {
                    strace.destroyForcibly();
                }
            } catch (InterruptedException e) {
                strace.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
