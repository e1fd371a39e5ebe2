package dev.iolab.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A local address where a TCP connect hangs: a listener that never accepts, with its backlog of 1 filled,
 * so Linux drops further SYNs (as a firewalled or vanished host would) and only a connect timeout ends it.
 */
final class Blackhole implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private Blackhole(ServerSocket server) {
        this.server = server;
    }

    static Blackhole open() {
        try {
            Blackhole hole = new Blackhole(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hole.port()), 300);
                } catch (IOException queueFull) {
                    // expected once the accept queue is full
                }
                hole.fillers.add(s);
            }
            return hole;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
