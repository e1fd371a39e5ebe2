package dev.iolab.conformance;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain TCP connection to a target for the exchanges a real HTTP client refuses to produce: malformed
 * requests, pipelining, hand-made chunked bodies, requests written in slow pieces.
 */
public final class RawConnection implements AutoCloseable {

    /** How long a read waits for the server before the test fails. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ResponseReader reader;
    private final TargetUnderTest target;
    private boolean closedByPeer;

    private RawConnection(TargetUnderTest target, Socket socket) throws IOException {
        this.target = target;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(in);
    }

    /** Connects to the target (5 s connect timeout, {@link #READ_TIMEOUT} per read). */
    public static RawConnection open(TargetUnderTest target) {
        return open(target, READ_TIMEOUT);
    }

    /** Connects to the target (5 s connect timeout), each read waiting at most {@code readTimeout}. */
    public static RawConnection open(TargetUnderTest target, Duration readTimeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new RawConnection(target, socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(
                    "cannot connect to " + target.label() + " at " + target.host() + ":" + target.port(), e);
        }
    }

    /** {@code GET <path> HTTP/1.1} with Host and any extra header lines (each without CRLF). */
    public static String get(TargetUnderTest target, String path, String... extraHeaders) {
        return request("GET", target, path, extraHeaders);
    }

    /** A request head without body for {@code method}, ending with the empty line. */
    public static String request(String method, TargetUnderTest target, String path, String... extraHeaders) {
        StringBuilder sb = new StringBuilder(method)
                .append(' ')
                .append(target.path(path))
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(target.hostHeader())
                .append("\r\n");
        for (String header : extraHeaders) {
            sb.append(header).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Writes {@code ascii} (ISO-8859-1, so any byte 0-255 can be spelled) and flushes. */
    public RawConnection send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads the next final response to a non-HEAD request. */
    public RawResponse read() throws IOException {
        return reader.read(false);
    }

    /** Reads the next final response to a HEAD request (never a body). */
    public RawResponse readHead() throws IOException {
        return reader.read(true);
    }

    /** Reads the next response, streaming its body into {@code sink}. */
    public RawResponse read(OutputStream sink) throws IOException {
        return reader.read(false, sink);
    }

    /**
     * Final responses (to non-HEAD requests) read until the server closes the connection (EOF or reset), stays silent
     * for the read timeout, or {@code max} came; whether it closed is then {@link #closedByPeer()}. A body framed by
     * the close is whatever arrived before it; a response cut off inside its Content-Length or chunked framing is an
     * error.
     */
    public List<RawResponse> readUntilSilent(int max) throws IOException {
        List<RawResponse> responses = new ArrayList<>();
        while (responses.size() < max) {
            RawResponse response;
            try {
                response = reader.read(false);
            } catch (SocketTimeoutException silent) {
                break;
            } catch (EOFException | SocketException closed) {
                closedByPeer = true;
                break;
            }
            responses.add(response);
            if (response.framing().equals("close")) {
                closedByPeer = true;
                break;
            }
            if (!response.complete()) {
                throw new IOException("response cut off: " + response.error() + "\n" + response.describe());
            }
        }
        return responses;
    }

    /** Whether {@link #readUntilSilent} saw the server close the connection. */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    /**
     * True when the server closes (EOF or reset) within {@code wait} without sending anything else;
     * false when more bytes arrive or the connection stays open that long.
     */
    public boolean closedByPeerWithin(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset: closed as well
        }
    }

    /** Sends {@code bytes} in {@code pieces} writes with {@code pause} between them: a slow client. */
    public RawConnection trickle(byte[] bytes, int pieces, Duration pause) throws IOException {
        int step = Math.max(1, (bytes.length + pieces - 1) / pieces);
        for (int off = 0; off < bytes.length; off += step) {
            out.write(bytes, off, Math.min(step, bytes.length - off));
            out.flush();
            pace(pause);
        }
        return this;
    }

    public OutputStream output() {
        return out;
    }

    public Socket socket() {
        return socket;
    }

    public TargetUnderTest target() {
        return target;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a connection that will not close
        }
    }

    /** Pacing between writes of a deliberately slow client (not a wait for a condition). */
    static void pace(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing writes", e);
        }
    }
}
