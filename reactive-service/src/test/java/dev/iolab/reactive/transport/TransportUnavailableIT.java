package dev.iolab.reactive.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.launch.JvmProcess;
import dev.iolab.contract.DataDirectory;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ReactiveServiceApplication;
import dev.iolab.reactive.ServiceProcess;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A target whose native transport cannot load fails at startup with a non-zero exit and the cause, instead of
 * falling back to NIO or the other transport. The failure is real: the process runs from the test classpath
 * minus that transport's native jar (the one holding the .so), exactly what a wrong platform build would do.
 */
class TransportUnavailableIT {

    @ParameterizedTest
    @EnumSource(
            value = Target.class,
            names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void missingNativeTransportFailsFast(Target target, @TempDir Path work) throws Exception {
        Transport transport = Transport.of(target);
        String nativeJar = "netty-transport-native-" + transport.id() + "-";
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith(nativeJar))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classpath).isNotEqualTo(System.getProperty("java.class.path"));

        Path data = work.resolve("data");
        JvmProcess.Command command = (port, management) -> {
            List<String> words = new ArrayList<>();
            words.add(JvmProcess.java());
            words.addAll(target.jvmOptions());
            words.addAll(List.of("-cp", classpath, ReactiveServiceApplication.class.getName()));
            words.addAll(target.arguments(port, data));
            words.add("--" + DataDirectory.PROPERTY + "=" + data);
            return words;
        };

        try (ServiceProcess service = ServiceProcess.start(command, work)) {
            assertThat(service.process().waitFor(ServiceProcess.STARTUP.toSeconds(), TimeUnit.SECONDS))
                    .as("process exits by itself")
                    .isTrue();
            assertThat(service.process().exitValue()).as("exit code").isNotZero();
            assertThat(service.output())
                    .contains("The " + transport.id() + " transport is unavailable")
                    .contains("APPLICATION FAILED TO START")
                    .doesNotContain("Netty started on port");
        }
    }
}
