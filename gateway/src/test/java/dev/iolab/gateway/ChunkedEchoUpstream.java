package dev.iolab.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw-socket upstream that records, per request, how many body bytes arrived and whether the body was
 * complete: a chunked POST is echoed chunk by chunk as it arrives (the response begins at once), a PUT is
 * answered 201 once its whole body is in. With {@code ?reset} in the request-target it resets the connection
 * (SO_LINGER 0) after the first echoed chunk, while the gateway is still sending the request body.
 */
final class ChunkedEchoUpstream extends RawUpstream {

    /** One request as this upstream saw it. */
    record Seen(String requestLine, long bodyBytes, boolean complete) {}

    /** Body bytes read before a {@code ?reset} request is reset. */
    static final int RESET_AFTER = 256 * 1024;

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ChunkedEchoUpstream() throws IOException {
        super(0);
        accept();
    }

    /** Every request received so far (a request counts once its head is in, its body bytes as they arrive). */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void clear() {
        seen.clear();
    }

    @Override
    void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream()) {
            String head;
            while ((head = readLine(in)) != null && !head.isEmpty()) {
                String requestLine = head;
                boolean chunked = false;
                for (String field = readLine(in); field != null && !field.isEmpty(); field = readLine(in)) {
                    chunked |= field.toLowerCase(Locale.ROOT).matches("transfer-encoding: *chunked");
                }
                int index = seen.size();
                seen.add(new Seen(requestLine, 0, false));
                if (!chunked) {
                    continue; // only chunked bodies are expected here; a bodiless request gets no answer
                }
                boolean echo = requestLine.startsWith("POST");
                boolean reset = requestLine.contains("?reset");
                if (echo) {
                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                long total = 0;
                while (true) {
                    String sizeLine = readLine(in);
                    if (sizeLine == null) {
                        return; // cut off inside the body: recorded as incomplete
                    }
                    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                    if (size == 0) {
                        readLine(in); // no trailers are sent through the gateway
                        break;
                    }
                    byte[] data = in.readNBytes(size);
                    total += data.length;
                    seen.set(index, new Seen(requestLine, total, false));
                    if (data.length < size || readLine(in) == null) {
                        return;
                    }
                    if (echo) {
                        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(data);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    if (reset && total >= RESET_AFTER) {
                        socket.setSoLinger(true, 0);
                        return; // close now: RST, while the gateway is still sending
                    }
                }
                seen.set(index, new Seen(requestLine, total, true));
                out.write((echo ? "0\r\n\r\n" : "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            // the gateway closed or reset the connection
        }
    }
}
