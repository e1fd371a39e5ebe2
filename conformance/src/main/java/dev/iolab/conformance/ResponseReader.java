package dev.iolab.conformance;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from a stream the way RFC 9112 §6.3 frames it: no body for HEAD, 1xx, 204
 * and 304; chunked when Transfer-Encoding says so; else Content-Length; else until the connection closes.
 * A body that ends early is reported as incomplete instead of throwing, because some rules are about that.
 */
public final class ResponseReader {

    /** Largest status line plus header section accepted from a server. */
    static final int MAX_HEAD_BYTES = 256 * 1024;

    private final InputStream in;

    public ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next final response (interim 1xx ones are skipped), keeping its body in memory. */
    public RawResponse read(boolean headRequest) throws IOException {
        return read(headRequest, null);
    }

    /**
     * Reads the next final response; the body goes to {@code sink} when given (and is then not kept).
     * Throws {@link EOFException} when the connection closes before a status line starts.
     */
    public RawResponse read(boolean headRequest, OutputStream sink) throws IOException {
        while (true) {
            RawResponse response = readOne(headRequest, sink);
            if (response.status() >= 200 || response.status() == 101) {
                return response;
            }
        }
    }

    private RawResponse readOne(boolean headRequest, OutputStream sink) throws IOException {
        String statusLine = readLine(true);
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP/1.x status line: " + Describe.request(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = readFields();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        OutputStream body = sink != null ? sink : kept;
        String transferEncoding = value(headers, "transfer-encoding");
        String contentLength = value(headers, "content-length");
        Counter counter = new Counter(body);
        String framing;
        String error = null;
        try {
            if (headRequest || status < 200 || status == 204 || status == 304) {
                framing = "none";
            } else if (transferEncoding != null
                    && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                framing = "chunked";
                readChunked(counter);
            } else if (contentLength != null) {
                framing = "content-length";
                copy(counter, Long.parseLong(contentLength.trim()));
            } else {
                framing = "close";
                in.transferTo(counter);
            }
        } catch (IOException | NumberFormatException e) {
            framing = transferEncoding != null ? "chunked" : contentLength != null ? "content-length" : "close";
            error = e.toString();
        }
        return new RawResponse(
                statusLine, status, headers, kept.toByteArray(), counter.count, framing, error == null, error);
    }

    private List<Map.Entry<String, String>> readFields() throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int total = 0;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            total += line.length();
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("response header section over " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header line: " + Describe.request(line));
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    private void readChunked(OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                readFields(); // trailer section up to the empty line
                return;
            }
            copy(out, size);
            if (!readLine(false).isEmpty()) {
                throw new IOException("chunk data not followed by CRLF");
            }
        }
    }

    private void copy(OutputStream out, long length) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed with " + remaining + " of " + length + " body bytes missing");
            }
            out.write(buf, 0, n);
            remaining -= n;
        }
    }

    /** A line ended by CRLF (a bare LF is tolerated); null at EOF before the first byte when {@code eofOk}. */
    private String readLine(boolean eofOk) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofOk && sb.isEmpty()) {
                    return null;
                }
                throw new EOFException((eofOk
                                ? "no HTTP status line; the server sent only "
                                : "connection closed in the middle of a line: ")
                        + Describe.request(sb.toString()));
            }
            if (b == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            if (sb.length() > MAX_HEAD_BYTES) {
                throw new IOException("response line over " + MAX_HEAD_BYTES + " bytes");
            }
            sb.append((char) b);
        }
    }

    private static String value(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Counts what passes through to the body sink. */
    private static final class Counter extends OutputStream {
        private final OutputStream out;
        private long count;

        Counter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
