package dev.iolab.reactive.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import dev.iolab.reactive.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each webflux target, launched as the registry says, runs the native transport its name says, and shows it. */
class TransportIT {

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"WEBFLUX_EPOLL", "WEBFLUX_IOURING"})
    void targetRunsItsTransportAndSaysSo(Target target, @TempDir Path work) throws Exception {
        Transport transport = Transport.of(target);
        String serverChannel = switch (transport) {
            case EPOLL -> "EpollServerSocketChannel";
            case IO_URING -> "IoUringServerSocketChannel";
        };
        try (ServiceProcess service = ServiceProcess.launch(target, work).awaitReady()) {
            // the log line is written on the server channel's own event loop
            assertThat(service.output()).contains("Transport " + transport.id() + ": server channel " + serverChannel
                    + " on event loop thread " + transport.threadPrefix() + "-");

            String metrics = service.get(Endpoints.PROMETHEUS).body();
            assertThat(metrics).containsPattern("iolab_transport_info\\{[^}]*transport=\"" + transport.id() + "\"");

            assertThat(service.get("/actuator/info").body())
                    .contains("\"transport\":\"" + transport.id() + "\"")
                    .contains("\"serverChannel\":\"io.netty.channel.");

            // requests are served by threads of that transport, and no NIO or other-transport loop exists
            service.get(Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=hello");
            List<String> threads = threadNames(service.process().pid());
            // /proc truncates thread names to 15 characters: "reactor-http-ep" / "reactor-http-io"
            String prefix = transport.threadPrefix().substring(0, 15);
            assertThat(threads).as("threads of %s", target.id()).contains(prefix)
                    .filteredOn(name -> name.startsWith("reactor-http-")).allMatch(prefix::equals);
        }
    }

    private static List<String> threadNames(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        }
    }
}
