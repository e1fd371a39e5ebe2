package dev.iolab.plain.http;

import dev.iolab.contract.Limits;
import java.nio.charset.StandardCharsets;

/**
 * One parsed request head, reused for every request on a connection: the request line as bytes and only
 * the header fields the endpoints read, so that a request allocates no Strings it does not need.
 */
public final class RequestHead {

    // The fields kept; every other field is validated and dropped.
    public static final int HOST = 0;
    public static final int CONTENT_LENGTH = 1;
    public static final int TRANSFER_ENCODING = 2;
    public static final int CONNECTION = 3;
    public static final int CONTENT_TYPE = 4;
    public static final int RANGE = 5;
    public static final int IF_NONE_MATCH = 6;
    public static final int EXPECT = 7;
    public static final int IF_MODIFIED_SINCE = 8;
    public static final int IF_RANGE = 9;
    private static final String[] NAMES = {
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "content-type",
        "range",
        "if-none-match",
        "expect",
        "if-modified-since",
        "if-range"
    };
    private static final String[] METHODS = {
        "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"
    };

    final byte[] line = new byte[Limits.MAX_REQUEST_LINE_BYTES];
    int methodEnd;
    int targetStart;
    int targetEnd;
    int minorVersion;

    final byte[] values = new byte[Limits.MAX_HEADER_SECTION_BYTES];
    int valuesEnd;
    final int[] valueStart = new int[NAMES.length];
    final int[] valueEnd = new int[NAMES.length];
    final int[] count = new int[NAMES.length];

    long contentLength = -1;
    boolean chunked;
    boolean keepAlive;
    boolean expectContinue;

    private String method;
    private String target;

    void reset() {
        methodEnd = targetStart = targetEnd = minorVersion = valuesEnd = 0;
        java.util.Arrays.fill(count, 0);
        contentLength = -1;
        chunked = keepAlive = expectContinue = false;
        method = null;
        target = null;
    }

    /** The slot of a lower-cased field name, or -1 when the endpoints never read it. */
    static int slot(byte[] lowerName, int len) {
        for (int i = 0; i < NAMES.length; i++) {
            if (Chars.equalsLower(lowerName, 0, len, NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The method; the common ones are shared constants, not new Strings. */
    public String method() {
        if (method == null) {
            for (String m : METHODS) {
                if (is(m)) {
                    return method = m;
                }
            }
            method = new String(line, 0, methodEnd, StandardCharsets.US_ASCII);
        }
        return method;
    }

    /** True when the method is exactly {@code m} (methods are case-sensitive, RFC 9110 §9.1). */
    public boolean is(String m) {
        if (m.length() != methodEnd) {
            return false;
        }
        for (int i = 0; i < methodEnd; i++) {
            if (line[i] != m.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The request-target as sent. */
    public String target() {
        if (target == null) {
            target = new String(line, targetStart, targetEnd - targetStart, StandardCharsets.US_ASCII);
        }
        return target;
    }

    public boolean isHttp11() {
        return minorVersion >= 1;
    }

    /** Declared Content-Length, or -1 when there is none (or the body is chunked). */
    public long contentLength() {
        return contentLength;
    }

    public boolean chunked() {
        return chunked;
    }

    /** Whether the connection may carry another request after this one (RFC 9112 §9.3). */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** Whether the client waits for {@code 100 Continue} before sending the body (RFC 9110 §10.1.1). */
    public boolean expectContinue() {
        return expectContinue;
    }

    /** Whether the request has a body at all. */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /** The first value of a kept field (HOST, CONTENT_TYPE, RANGE, ...), or null when absent. */
    public String header(int slot) {
        if (count[slot] == 0) {
            return null;
        }
        return new String(values, valueStart[slot], valueEnd[slot] - valueStart[slot], StandardCharsets.ISO_8859_1);
    }

    /** How many times a kept field appeared. */
    public int headerCount(int slot) {
        return count[slot];
    }
}
