package dev.iolab.reactive;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A reactive-service process started by a test, its output in a file, stopped (SIGTERM, then SIGKILL) by close. */
public final class ServiceProcess implements AutoCloseable {

    /** Cold start of a Boot jar on a busy 2-core machine. */
    public static final Duration STARTUP = Duration.ofSeconds(90);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    private final int port;

    private ServiceProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** The repository root (failsafe passes {@code iolab.repo.root}; from an IDE, the module's parent). */
    public static Path repoRoot() {
        String root = System.getProperty("iolab.repo.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /** Launches the target exactly as the registry says ({@link Target#command}). */
    public static ServiceProcess launch(Target target, Path work) {
        int port = freePort();
        List<String> command = target.command(
                Path.of(System.getProperty("java.home")),
                repoRoot(),
                port,
                0 /* management port: any free one, so two launches never collide */,
                work.resolve("data"));
        return start(command, work, port);
    }

    /** Starts {@code command} (already containing its port) with output going to {@code work/output.log}. */
    public static ServiceProcess start(List<String> command, Path work, int port) {
        try {
            Path output = work.resolve("output.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new ServiceProcess(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until readiness answers 200. */
    public ServiceProcess awaitReady() {
        await("readiness on port " + port)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("process exited", () -> !process.isAlive())
                .until(() -> get(Endpoints.READINESS).statusCode() == 200);
        return this;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
