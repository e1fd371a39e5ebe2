package dev.iolab.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the gateway whose body is written on its own thread while the response is read, the way
 * the conformance suite sends oversized bodies, so an early answer is heard instead of deadlocking.
 */
final class ClientExchange implements AutoCloseable {

    /** What came back: status, head, body bytes read, and whether the framing said the body was complete. */
    record Result(int status, String head, long bodyBytes, boolean complete) {}

    private final Socket socket;
    private final Thread writer;

    /** Sends {@code head} and then {@code bodyBytes} zero bytes (in 64 KiB chunks when {@code chunked}). */
    ClientExchange(int port, String head, long bodyBytes, boolean chunked) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        writer = Thread.ofPlatform().daemon().start(() -> {
            byte[] data = new byte[64 * 1024];
            try {
                for (long left = bodyBytes; left > 0; left -= data.length) {
                    int n = (int) Math.min(data.length, left);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(data, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException stopped) {
                // the gateway answered early and closed: expected for oversized bodies
            }
        });
    }

    /** Reads one response; a body cut off by a close or reset is returned as incomplete. */
    Result read() throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            head.append(line).append('\n');
        }
        if (head.isEmpty()) {
            throw new IOException("connection ended before a response");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toString().toLowerCase(Locale.ROOT);
        long body = 0;
        try {
            if (lower.contains("\ntransfer-encoding: chunked")) {
                for (String line = readLine(in); line != null; line = readLine(in)) {
                    int size = Integer.parseInt(line.trim(), 16);
                    if (size == 0) {
                        return new Result(status, head.toString(), body, readLine(in) != null);
                    }
                    long n = discard(in, size);
                    body += n;
                    if (n < size || readLine(in) == null) {
                        break;
                    }
                }
                return new Result(status, head.toString(), body, false);
            }
            Matcher cl = Pattern.compile("\ncontent-length: *(\\d+)").matcher(lower);
            long length = cl.find() ? Long.parseLong(cl.group(1)) : 0;
            body = in.readNBytes((int) length).length;
            return new Result(status, head.toString(), body, body == length);
        } catch (IOException reset) {
            return new Result(status, head.toString(), body, false);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads and drops up to {@code n} bytes; fewer only at end of stream. */
    private static long discard(InputStream in, int n) throws IOException {
        byte[] buffer = new byte[8192];
        long done = 0;
        for (int r; done < n && (r = in.read(buffer, 0, (int) Math.min(buffer.length, n - done))) >= 0; ) {
            done += r;
        }
        return done;
    }

    private static String readLine(InputStream in) throws IOException {
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
