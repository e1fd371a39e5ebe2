package dev.iolab.contract;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the server closed a connection whose client never reads, from the kernel's table (Linux): the client cannot
 * tell, since the server's FIN waits behind the unsent bytes, but the server's side leaves ESTABLISHED at once
 * (FIN_WAIT1, or gone after a reset).
 */
final class TcpState {

    private TcpState() {}

    /** True when the server's side of the client's connection is no longer ESTABLISHED, as /proc/net/tcp{,6} says. */
    static boolean closedByServer(SocketChannel client) throws IOException {
        int local = ((InetSocketAddress) client.getRemoteAddress()).getPort();
        int remote = ((InetSocketAddress) client.getLocalAddress()).getPort();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.strip().split("\\s+");
                if (port(f[1]) == local && port(f[2]) == remote) {
                    return !f[3].equals("01");
                }
            }
        }
        return true;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
