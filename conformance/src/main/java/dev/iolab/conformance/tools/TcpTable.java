package dev.iolab.conformance.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's table of TCP sockets on this machine (Linux, {@code /proc/net/tcp} and {@code tcp6}): what a test
 * cannot see from its own end of a connection, such as the other end's state or the bytes queued in the kernel.
 */
public final class TcpTable {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    /** One socket: its ports, its state ({@code 01} ESTABLISHED, ...) and its send and receive queues in bytes. */
    public record Row(int localPort, int remotePort, String state, long txQueue, long rxQueue) {

        public boolean established() {
            return "01".equals(state);
        }
    }

    private TcpTable() {}

    /** Every socket of both tables; empty where they cannot be read (not Linux). */
    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 4) {
                    String[] queues = f[4].split(":");
                    rows.add(new Row(
                            port(f[1]),
                            port(f[2]),
                            f[3],
                            Long.parseLong(queues[0], 16),
                            Long.parseLong(queues[1], 16)));
                }
            }
        }
        return rows;
    }

    /** The socket whose local port is {@code localPort} and whose peer's is {@code remotePort}, if on this machine. */
    public static Optional<Row> find(int localPort, int remotePort) {
        return rows().stream()
                .filter(r -> r.localPort() == localPort && r.remotePort() == remotePort)
                .findFirst();
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
