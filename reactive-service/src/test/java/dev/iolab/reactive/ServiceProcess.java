package dev.iolab.reactive;

import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A reactive-service process started by a test through the one launcher ({@link JvmProcess}), its output in
 * {@code work/output.log}, stopped (SIGTERM, then SIGKILL after 40 s) by close.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Cold start of a Boot jar on a busy 2-core machine. */
    public static final Duration STARTUP = Duration.ofSeconds(90);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JvmProcess process;

    private ServiceProcess(JvmProcess process) {
        this.process = process;
    }

    /** The repository root (failsafe passes {@code iolab.repo.root}; from an IDE, the module's parent). */
    public static Path repoRoot() {
        String root = System.getProperty("iolab.repo.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /** Launches the target exactly as the registry says ({@link Target#command}). */
    public static ServiceProcess launch(Target target, Path work) {
        return start(JvmProcess.target(target, repoRoot(), work.resolve("data")), work);
    }

    /** Starts a command made from the port chosen for it, its output going to {@code work/output.log}. */
    public static ServiceProcess start(JvmProcess.Command command, Path work) {
        return start(JvmProcess.command("reactive-service", command), work);
    }

    private static ServiceProcess start(JvmProcess.Builder builder, Path work) {
        try {
            return new ServiceProcess(
                    builder.anyManagementPort() // so two launches never collide
                            .log(work.resolve("output.log"))
                            .grace(Duration.ofSeconds(40))
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process.process();
    }

    public int port() {
        return process.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** Everything the process printed so far. */
    public String output() {
        return process.logText();
    }

    /** Waits until readiness answers 200. */
    public ServiceProcess awaitReady() {
        process.awaitReady(STARTUP);
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
    public void close() {
        process.close();
    }
}
