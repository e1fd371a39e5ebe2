package dev.iolab.plain.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sends exact bytes over a raw socket and parses whatever responses come back, complete or cut off. */
record RawExchange(List<Response> responses, boolean closed, byte[] raw) {

    record Response(int status, String head, byte[] body, boolean complete) {
        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Sends {@code request}; reads until the server closes, or until {@code enough} complete responses came
     * and then {@code quietMillis} passed without a byte, or until {@code maxMillis}.
     */
    static RawExchange send(URI base, byte[] request, int enough, int quietMillis, int maxMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            long deadline = System.currentTimeMillis() + maxMillis;
            boolean closed = false;
            while (System.currentTimeMillis() < deadline) {
                List<Response> sofar = parse(received.toByteArray());
                long complete = sofar.stream().filter(Response::complete).count();
                socket.setSoTimeout(complete >= enough ? quietMillis : (int) Math.max(1, deadline - System.currentTimeMillis()));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (IOException e) {
                    closed = true; // reset
                    break;
                }
                if (n < 0) {
                    closed = true;
                    break;
                }
                received.write(buffer, 0, n);
            }
            byte[] raw = received.toByteArray();
            return new RawExchange(parse(raw), closed, raw);
        }
    }

    /** Splits a byte stream into HTTP/1.1 responses (Content-Length or chunked; 1xx skipped). */
    static List<Response> parse(byte[] bytes) {
        List<Response> responses = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (pos < text.length()) {
            int headEnd = text.indexOf("\r\n\r\n", pos);
            if (headEnd < 0 || !text.startsWith("HTTP/1.", pos)) {
                if (text.startsWith("HTTP/1.", pos)) {
                    responses.add(new Response(status(text.substring(pos)), text.substring(pos), new byte[0], false));
                }
                break;
            }
            String head = text.substring(pos, headEnd);
            int status = status(head);
            pos = headEnd + 4;
            if (status >= 100 && status < 200) {
                continue;
            }
            String lower = head.toLowerCase(Locale.ROOT);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean complete;
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                complete = false;
                while (true) {
                    int lineEnd = text.indexOf("\r\n", pos);
                    if (lineEnd < 0) {
                        break;
                    }
                    int size = Integer.parseInt(text.substring(pos, lineEnd).split(";")[0].strip(), 16);
                    if (size == 0) {
                        complete = text.startsWith("\r\n", lineEnd + 2);
                        pos = complete ? lineEnd + 4 : text.length();
                        break;
                    }
                    if (lineEnd + 2 + size + 2 > text.length()) {
                        body.write(bytes, lineEnd + 2, Math.max(0, Math.min(size, text.length() - lineEnd - 2)));
                        pos = text.length();
                        break;
                    }
                    body.write(bytes, lineEnd + 2, size);
                    pos = lineEnd + 2 + size + 2;
                }
            } else {
                int length = contentLength(lower);
                int available = Math.min(length, text.length() - pos);
                body.write(bytes, pos, available);
                complete = available == length;
                pos += available;
            }
            responses.add(new Response(status, head, body.toByteArray(), complete));
        }
        return responses;
    }

    private static int status(String head) {
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static int contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = lowerHead.indexOf("\r\n", at + 2);
        return Integer.parseInt(lowerHead.substring(at + 17, end < 0 ? lowerHead.length() : end).strip());
    }

    String describe() {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        return (closed ? "[closed] " : "[open] ") + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }
}
