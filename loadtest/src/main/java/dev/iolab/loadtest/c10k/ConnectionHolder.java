package dev.iolab.loadtest.c10k;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Opens many keep-alive connections with plain NIO from one thread, sends one small GET on each, reads the
 * reply and then leaves the connection idle: the c10k load, where a model pays per connection, not per request.
 * Opening is windowed (a few hundred connections in flight) and bounded in time; {@link #close} closes all.
 */
public final class ConnectionHolder implements AutoCloseable {

    /** Connections being opened or awaiting their reply at once: below the contract's accept backlog. */
    static final int WINDOW = 512;

    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
    private final byte[] request;
    private int opened;
    private int held;
    private int failed;

    /** Per-connection state: bytes of the reply still expected (-1 while the head is incomplete). */
    private static final class Conn {
        final StringBuilder head = new StringBuilder();
        long bodyLeft = -1;
    }

    /** {@code pathPrefix} is empty for a target, {@code /<id>} through the gateway. */
    public ConnectionHolder(String host, String pathPrefix) throws IOException {
        this.selector = Selector.open();
        this.request = ("GET " + pathPrefix + "/echo?msg=x HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Opens up to {@code count} connections to {@code address}, each answered once, giving up at {@code timeout}. */
    public void open(InetSocketAddress address, int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held + failed < count && System.nanoTime() < deadline) {
            while (opened - held - failed < WINDOW && opened < count) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                opened++;
                try {
                    if (channel.connect(address)) {
                        send(channel.register(selector, SelectionKey.OP_READ, new Conn()));
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT, new Conn());
                    }
                } catch (IOException e) {
                    failed++;
                    channel.close();
                }
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key);
            }
            selector.selectedKeys().clear();
        }
    }

    private void handle(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                send(key);
            } else if (key.isReadable()) {
                read(key, channel);
            }
        } catch (IOException e) {
            failed++;
            key.cancel();
            closeQuietly(channel);
        }
    }

    private void send(SelectionKey key) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(request);
        ((SocketChannel) key.channel()).write(buffer); // ~50 bytes into an empty socket buffer: written at once
        if (buffer.hasRemaining()) {
            throw new IOException("request not written at once");
        }
    }

    private void read(SelectionKey key, SocketChannel channel) throws IOException {
        Conn conn = (Conn) key.attachment();
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            throw new IOException("closed by the target");
        }
        readBuffer.flip();
        if (conn.bodyLeft < 0) {
            conn.head.append(StandardCharsets.ISO_8859_1.decode(readBuffer));
            int end = conn.head.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            conn.bodyLeft = contentLength(conn.head.substring(0, end)) - (conn.head.length() - end - 4);
        } else {
            conn.bodyLeft -= n;
        }
        if (conn.bodyLeft <= 0) {
            held++;
            key.interestOps(0); // answered: from now on the connection idles
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Long.parseLong(line.substring(15).strip());
            }
        }
        return 0;
    }

    public int opened() {
        return opened;
    }

    /** Connections that got their reply and idle now. */
    public int held() {
        return held;
    }

    public int failed() {
        return failed;
    }

    /** Connections among the held ones that the target has closed meanwhile (read gives end of stream). */
    public int closedByTarget() throws IOException {
        int closed = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.interestOps() == 0) {
                readBuffer.clear();
                try {
                    if (((SocketChannel) key.channel()).read(readBuffer) < 0) {
                        closed++;
                    }
                } catch (IOException e) {
                    closed++;
                }
            }
        }
        return closed;
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        selector.close();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
