package dev.iolab.plain.it;

import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.conformance.UrlTarget;
import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One plain-io target launched by the one launcher ({@link JvmProcess}), for the module's own ITs. */
final class PlainProcess implements AutoCloseable {

    /** Shared, so the readiness probe's connection stays open in its pool (ModelIdentityIT counts from there). */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Target target;
    private final JvmProcess process;

    private PlainProcess(Target target, JvmProcess process) {
        this.target = target;
        this.process = process;
    }

    /** Starts {@code target} on a free port with a fresh data directory and waits until it is ready. */
    static PlainProcess start(Target target, String... extraArgs) throws IOException {
        Path repoRoot = Path.of(System.getProperty("iolab.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = Files.createTempDirectory("plain-io-it-" + target.id());
        JvmProcess process = JvmProcess.target(target, repoRoot, dataDir)
                .anyManagementPort() // so two launches never collide
                .probeWith(CLIENT)
                .arguments(List.of(extraArgs))
                .grace(Duration.ofSeconds(40))
                .deleteOnClose(dataDir)
                .start();
        try {
            process.awaitReady(Duration.ofSeconds(60));
        } catch (JvmProcess.NotReadyException e) {
            process.close();
            throw new AssertionError(target.id() + " did not start; log:\n" + process.logText(), e);
        }
        return new PlainProcess(target, process);
    }

    Target target() {
        return target;
    }

    /** This process as the conformance suite's target, for raw connections ({@code RawConnection}). */
    TargetUnderTest asTarget() {
        return new UrlTarget(target.id(), base());
    }

    URI base() {
        return process.baseUri();
    }

    long pid() {
        return process.pid();
    }

    /** The process's OS threads, from /proc/PID/status. */
    int threads() {
        for (String line : proc("status").split("\n")) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).strip());
            }
        }
        throw new IllegalStateException("no Threads: line for " + pid());
    }

    /** User plus system CPU time consumed so far, from /proc/PID/stat (clock ticks of 10 ms). */
    long cpuMillis() {
        String stat = proc("stat");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private String proc(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid()), file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logText() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }
}
