package dev.iolab.gateway;

import dev.iolab.contract.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The listening half every hand-made upstream of the gateway's tests shares: a loopback port, one virtual thread
 * per accepted connection, and a close that also cuts the open connections, so a test can take the upstream down.
 * Subclasses only say how a connection is served, which is what the test is about.
 */
abstract class RawUpstream implements AutoCloseable, AfterAllCallback {

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    /** Listens on 127.0.0.1:{@code port} (0: any free port); {@link #accept} starts serving. */
    RawUpstream(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true); // a test may bring an upstream back on the port it just closed
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Starts accepting; called by a subclass once its own fields are set, so no connection sees them unset. */
    final void accept() {
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Serves one accepted connection; the connection is closed by whoever returns from here. */
    abstract void serve(Socket socket);

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Makes the gateway route {@code route} to this upstream (for a {@code @DynamicPropertySource}). */
    void routeTo(DynamicPropertyRegistry registry, Target route) {
        registry.add("iolab.gateway.upstreams." + route.id(), () -> uri().toString());
    }

    /** As a static {@code @RegisterExtension} field, the upstream is closed once its test class is done. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** A request head up to and including the blank line, or null at end of stream before it ended. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** A line without its CRLF (a bare LF is tolerated), or null at end of stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
