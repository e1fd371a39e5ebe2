package dev.iolab.plain.http;

import java.nio.charset.StandardCharsets;

/** The status codes plain-io sends, with their reason phrases (RFC 9110 §15), as ready-made status lines. */
public final class HttpStatus {

    private static final byte[][] LINES = new byte[600][];

    static {
        line(100, "Continue");
        line(200, "OK");
        line(201, "Created");
        line(204, "No Content");
        line(206, "Partial Content");
        line(304, "Not Modified");
        line(400, "Bad Request");
        line(404, "Not Found");
        line(405, "Method Not Allowed");
        line(408, "Request Timeout");
        line(413, "Content Too Large");
        line(414, "URI Too Long");
        line(416, "Range Not Satisfiable");
        line(417, "Expectation Failed");
        line(431, "Request Header Fields Too Large");
        line(500, "Internal Server Error");
        line(501, "Not Implemented");
        line(503, "Service Unavailable");
        line(505, "HTTP Version Not Supported");
        line(507, "Insufficient Storage");
    }

    private HttpStatus() {}

    private static void line(int status, String reason) {
        LINES[status] = ("HTTP/1.1 " + status + " " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code HTTP/1.1 <status> <reason>\r\n}. */
    static byte[] statusLine(int status) {
        byte[] line = status >= 0 && status < LINES.length ? LINES[status] : null;
        if (line == null) {
            throw new IllegalArgumentException("unsupported status " + status);
        }
        return line;
    }

    /** RFC 9110 §6.4.1: 1xx, 204 and 304 responses never have content. */
    public static boolean allowsContent(int status) {
        return status >= 200 && status != 204 && status != 304;
    }
}
