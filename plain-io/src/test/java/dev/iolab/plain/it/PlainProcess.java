package dev.iolab.plain.it;

import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One plain-io target launched exactly as everyone launches it ({@link Target#command}), for the module's own ITs. */
final class PlainProcess implements AutoCloseable {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Target target;
    private final Process process;
    private final URI base;
    private final Path log;

    private PlainProcess(Target target, Process process, URI base, Path log) {
        this.target = target;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts {@code target} on a free port with a fresh data directory and waits until it is ready. */
    static PlainProcess start(Target target, String... extraArgs) throws IOException {
        Path repoRoot = Path.of(System.getProperty("iolab.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = Files.createTempDirectory("plain-io-it-" + target.id());
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(target.command(
                Path.of(System.getProperty("java.home")),
                repoRoot,
                port,
                0 /* management port: any free one, so two launches never collide */,
                dataDir));
        command.addAll(List.of(extraArgs));
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path log = logs.resolve(target.id() + "-" + port + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PlainProcess p = new PlainProcess(target, process, URI.create("http://127.0.0.1:" + port), log);
        try {
            await(target.id() + " ready")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || p.ready());
        } catch (RuntimeException e) {
            p.close();
            throw new AssertionError(target.id() + " did not start; log:\n" + p.logText(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError(target.id() + " exited with " + process.exitValue() + "; log:\n" + p.logText());
        }
        return p;
    }

    private boolean ready() {
        try {
            HttpResponse<Void> r = CLIENT.send(
                    HttpRequest.newBuilder(base.resolve(Endpoints.READINESS)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Target target() {
        return target;
    }

    URI base() {
        return base;
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
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(40).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
