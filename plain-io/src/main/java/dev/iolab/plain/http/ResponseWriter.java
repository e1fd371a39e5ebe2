package dev.iolab.plain.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP/1.1 response encoder (RFC 9112 §4, §6, §7.1): writes status lines, fields and chunk framing as
 * ASCII straight into the connection's output buffer, without intermediate Strings or byte arrays.
 */
public final class ResponseWriter {

    /** Room a response head needs in the output buffer before it is written. */
    public static final int MAX_HEAD_BYTES = 2048;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private ResponseWriter() {}

    /** Status line, {@code Date}, and the connection's fixed fields (e.g. {@code X-IO-Model}). */
    public static void begin(ByteBuffer out, int status, byte[] fixedFields) {
        out.put(HttpStatus.statusLine(status));
        out.put(HttpDate.headerLine());
        out.put(fixedFields);
    }

    public static void field(ByteBuffer out, String name, String value) {
        ascii(out, name);
        out.put((byte) ':').put((byte) ' ');
        ascii(out, value);
        out.put(CRLF);
    }

    public static void contentLength(ByteBuffer out, long length) {
        out.put(CONTENT_LENGTH);
        decimal(out, length);
        out.put(CRLF);
    }

    public static void chunked(ByteBuffer out) {
        out.put(CHUNKED);
    }

    public static void connectionClose(ByteBuffer out) {
        out.put(CONNECTION_CLOSE);
    }

    /** The empty line that ends the head. */
    public static void end(ByteBuffer out) {
        out.put(CRLF);
    }

    /** An interim {@code 100 Continue} (RFC 9110 §15.2.1). */
    public static void interimContinue(ByteBuffer out) {
        out.put(CONTINUE);
    }

    /** {@code <hex size>\r\n} before a chunk's data (RFC 9112 §7.1). */
    public static void chunkStart(ByteBuffer out, int size) {
        int shift = 28;
        while (shift > 0 && (size >>> shift) == 0) {
            shift -= 4;
        }
        for (; shift >= 0; shift -= 4) {
            out.put(HEX[(size >>> shift) & 0xF]);
        }
        out.put(CRLF);
    }

    /** The CRLF after a chunk's data. */
    public static void chunkEnd(ByteBuffer out) {
        out.put(CRLF);
    }

    /** The last chunk and an empty trailer section. */
    public static void lastChunk(ByteBuffer out) {
        out.put(LAST_CHUNK);
    }

    public static void ascii(ByteBuffer out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            out.put((byte) s.charAt(i));
        }
    }

    public static void decimal(ByteBuffer out, long value) {
        if (value == 0) {
            out.put((byte) '0');
            return;
        }
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.put((byte) ('0' + (value / divisor) % 10));
        }
    }
}
