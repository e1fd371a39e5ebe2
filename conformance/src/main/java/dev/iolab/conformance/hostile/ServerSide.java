package dev.iolab.conformance.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's side of a connection this machine's client never reads, as the kernel's table shows it (Linux,
 * {@code /proc/net/tcp} and {@code tcp6}): a client that does not read cannot see the server's close, whose FIN waits
 * behind the unread bytes, but the server's socket leaves ESTABLISHED at once (FIN_WAIT1, or gone after a reset).
 * Only for a server on this machine (a launched target, or docker-proxy in front of a container); elsewhere unknown.
 */
final class ServerSide {

    /** What the table says about a connection's server side. */
    enum State {
        ESTABLISHED,
        CLOSING,
        ABSENT
    }

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private ServerSide() {}

    /** The state of the server side of {@code client}'s connection. */
    static State of(SocketChannel client) {
        try {
            int server = ((InetSocketAddress) client.getRemoteAddress()).getPort();
            int local = ((InetSocketAddress) client.getLocalAddress()).getPort();
            for (Path table : TABLES) {
                if (!Files.isReadable(table)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(table);
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length > 3 && port(f[1]) == server && port(f[2]) == local) {
                        return "01".equals(f[3]) ? State.ESTABLISHED : State.CLOSING;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable here: unknown, as for a server elsewhere
        }
        return State.ABSENT;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
