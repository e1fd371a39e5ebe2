package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetTests {

    @Test
    void registryHoldsTheElevenTargetsInContractOrder() {
        assertThat(Target.ids())
                .containsExactly(
                        "mvc-platform",
                        "mvc-virtual",
                        "webflux-epoll",
                        "webflux-iouring",
                        "plain-blocking",
                        "plain-poll",
                        "plain-busypoll",
                        "plain-epoll",
                        "plain-aio",
                        "plain-mmap",
                        "plain-uring");
    }

    @Test
    void pollTargetAloneGetsThePollSelectorProvider() {
        assertThat(Target.PLAIN_POLL.jvmOptions())
                .contains("-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider");
        assertThat(Target.PLAIN_EPOLL.jvmOptions()).noneMatch(o -> o.contains("SelectorProvider"));
    }

    @Test
    void commandLaunchesTheModuleJarWithPortAndDataDir() {
        var cmd = Target.MVC_VIRTUAL.command(Path.of("/jdk"), Path.of("/repo"), 9000, Path.of("/d"));
        assertThat(cmd)
                .startsWith("/jdk/bin/java")
                .contains(
                        "-jar",
                        "/repo/blocking-service/target/blocking-service.jar",
                        "--spring.profiles.active=virtual",
                        "--server.port=9000",
                        "--iolab.management-port=10000",
                        "--iolab.data-dir=/d");
        assertThat(Target.PLAIN_AIO.arguments(1, Path.of("/d")))
                .containsExactly("--model", "aio", "--port", "1", "--management-port", "1001", "--data-dir", "/d");
    }

    @Test
    void aGivenManagementPortIsPassedAndPortZeroMeansAnyForBoth() {
        assertThat(Target.WEBFLUX_EPOLL.arguments(0, Path.of("/d")))
                .contains("--server.port=0", "--iolab.management-port=0");
        assertThat(Target.PLAIN_EPOLL.command(Path.of("/jdk"), Path.of("/repo"), 40000, 40001, Path.of("/d")))
                .containsSequence("--port", "40000", "--management-port", "40001");
        assertThat(Target.PLAIN_EPOLL.managementPort()).isEqualTo(9094);
    }

    @Test
    void knownPathsMapToTemplatesAndEverythingElseToNotFound() {
        assertThat(MetricNames.uriTag("/files/1m.bin")).isEqualTo(Endpoints.FILES_TEMPLATE);
        assertThat(MetricNames.uriTag("/echo")).isEqualTo("/echo");
        assertThat(MetricNames.uriTag("/random/" + System.nanoTime())).isEqualTo(MetricNames.URI_NOT_FOUND);
        assertThat(MetricNames.uriTag("/files/a/b")).isEqualTo(MetricNames.URI_NOT_FOUND);
    }
}
