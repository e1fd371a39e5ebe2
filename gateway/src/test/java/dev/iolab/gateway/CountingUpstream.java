package dev.iolab.gateway;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw-socket HTTP/1.1 upstream for tests that records every request head it receives, so a test can
 * prove how many requests the gateway really sent (a smuggled second request would show up here).
 * It answers {@code /delay?ms=N} after N ms and echoes anything else.
 */
final class CountingUpstream extends RawUpstream {

    /** Bytes of a request body kept for the echo; the rest is read and dropped. */
    private static final int KEEP = 1 << 20;

    private static final Pattern DELAY = Pattern.compile("/delay\\?ms=(\\d+)");

    private final String modelId;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    /** A counting upstream answering as {@code target} on a free port (static fields start it: no checked exception). */
    static CountingUpstream start(Target target) {
        try {
            return new CountingUpstream(target.id(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and answers as target {@code modelId}. */
    CountingUpstream(String modelId, int port) throws IOException {
        super(port);
        this.modelId = modelId;
        accept();
    }

    /** Request lines received so far, in order. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    int count() {
        return requestLines.size();
    }

    @Override
    void serve(Socket socket) {
        try (socket;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                requestLines.add(requestLine);
                byte[] body = readBody(in, head.toLowerCase(Locale.ROOT));
                Matcher delay = DELAY.matcher(requestLine);
                if (delay.find()) {
                    Thread.sleep(Long.parseLong(delay.group(1)));
                    body = "ok".getBytes(StandardCharsets.US_ASCII);
                } else if (body.length == 0) {
                    body = requestLine.getBytes(StandardCharsets.UTF_8);
                }
                out.write(("HTTP/1.1 200 OK\r\n" + Headers.X_IO_MODEL + ": " + modelId
                                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the gateway closed or reset the connection: nothing to answer
        }
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        if (head.contains("\ntransfer-encoding: chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = chunkedLine(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!chunkedLine(in).isEmpty()) {
                        // trailer fields
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                chunkedLine(in);
            }
        }
        Matcher cl = Pattern.compile("\ncontent-length: *(\\d+)").matcher(head);
        if (!cl.find()) {
            return new byte[0];
        }
        // Stream the body through, keeping at most KEEP bytes: a huge declared length must not exhaust memory.
        long remaining = Long.parseLong(cl.group(1));
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("end of stream inside a body");
            }
            if (kept.size() < KEEP) {
                kept.write(buffer, 0, Math.min(n, KEEP - kept.size()));
            }
            remaining -= n;
        }
        return kept.toByteArray();
    }

    /** A line of a chunked body, which must not end there. */
    private static String chunkedLine(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            throw new IOException("end of stream inside a chunked body");
        }
        return line;
    }
}
