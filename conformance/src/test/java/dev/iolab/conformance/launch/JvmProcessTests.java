package dev.iolab.conformance.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher against the JDK's own small file server: start, readiness, kill, restart, stop, clean-up. */
class JvmProcessTests {

    /** {@code jwebserver} serving {@code dir}, where a readiness "probe" is a file. */
    private static JvmProcess.Builder fileServer(Path dir) {
        return JvmProcess.command(
                "files",
                (port, management) -> List.of(
                        JvmProcess.java(),
                        "-m",
                        "jdk.httpserver",
                        "-b",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-d",
                        dir.toAbsolutePath().toString()));
    }

    @Test
    void startsWaitsKillsRestartsAndCleansUp(@TempDir Path tmp) throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served/actuator/health"))
                .getParent()
                .getParent();
        Files.writeString(served.resolve("actuator/health/readiness"), "UP");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try (JvmProcess p = fileServer(served)
                .log(tmp.resolve("logs/files.log"))
                .deleteOnClose(scratch)
                .grace(Duration.ofSeconds(5))
                .start()) {
            p.awaitReady(Duration.ofSeconds(60));
            assertThat(status(p.baseUri().resolve("/actuator/health/readiness")))
                    .isEqualTo(200);
            assertThat(p.managementPort()).isPresent();
            assertThat(p.managementPort().getAsInt()).isNotEqualTo(p.port());
            assertThat(p.log()).exists();

            long first = p.pid();
            assertThat(p.kill()).isPositive();
            assertThat(p.process().isAlive()).isFalse();
            p.restart().awaitReady(Duration.ofSeconds(60));
            assertThat(p.pid()).isNotEqualTo(first);
            assertThat(status(p.baseUri().resolve("/actuator/health/readiness")))
                    .isEqualTo(200);

            p.close();
            assertThat(p.process().isAlive()).isFalse();
            assertThat(scratch).doesNotExist();
        }
    }

    @Test
    void aProcessThatExitsIsNotReadyWithItsExitCodeAndLog(@TempDir Path tmp) throws Exception {
        try (JvmProcess p = JvmProcess.command("version", (port, management) -> List.of(JvmProcess.java(), "-version"))
                .anyManagementPort()
                .logIn(tmp)
                .start()) {
            assertThat(p.managementPort()).isEmpty();
            assertThat(p.log().getFileName().toString()).isEqualTo("version-" + p.port() + ".log");
            assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(JvmProcess.NotReadyException.class)
                    .hasMessageContaining("exit code 0")
                    .hasMessageContaining("version");
        }
    }

    @Test
    void aLogGivenAsABareFileNameIsInTheWorkingDirectory() throws Exception {
        Path log = Path.of("jvm-process-tests-" + ProcessHandle.current().pid() + ".log");
        try (JvmProcess p = JvmProcess.command("version", (port, management) -> List.of(JvmProcess.java(), "-version"))
                .log(log)
                .start()) {
            assertThat(p.process().waitFor()).isZero();
            assertThat(p.log()).isEqualTo(log.toAbsolutePath());
            assertThat(p.logText()).contains("version");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void environmentVariablesReachTheProcessAndARestart(@TempDir Path tmp) throws Exception {
        try (JvmProcess p = JvmProcess.command("env", (port, management) -> List.of("sh", "-c", "echo \"[$IOLAB_X]\""))
                .environment(java.util.Map.of("IOLAB_X", "set here"))
                .logIn(tmp)
                .start()) {
            assertThat(p.process().waitFor()).isZero();
            p.restart();
            assertThat(p.process().waitFor()).isZero();
            assertThat(p.logText()).isEqualTo("[set here]\n[set here]\n");
        }
    }

    @Test
    void aMissingJarIsNamed(@TempDir Path tmp) {
        assertThatThrownBy(() -> JvmProcess.gateway(tmp, java.util.Map.of()).start())
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("gateway.jar is missing");
    }

    private static int status(URI uri) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
