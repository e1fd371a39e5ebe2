package dev.iolab.conformance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Renders responses and bytes for assertion messages, so a failure shows what actually came back. */
public final class Describe {

    private Describe() {}

    /** Status, headers and the first bytes of the body of a JDK client response. */
    public static String response(HttpResponse<?> response) {
        StringBuilder sb = new StringBuilder("    ")
                .append(response.request().method())
                .append(' ')
                .append(response.request().uri())
                .append(" -> ")
                .append(response.statusCode())
                .append('\n');
        response.headers()
                .map()
                .forEach((name, values) -> values.forEach(v ->
                        sb.append("    ").append(name).append(": ").append(v).append('\n')));
        Object body = response.body();
        if (body instanceof byte[] bytes) {
            sb.append("    [").append(bytes.length).append(" body bytes] ").append(bytes(bytes, 300));
        } else if (body instanceof String text) {
            sb.append("    [body] ").append(text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
        return sb.toString();
    }

    /** Up to {@code max} bytes as text, control characters and non-ASCII escaped. */
    public static String bytes(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, max);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r') {
                sb.append("\\r");
            } else if (b == '\n') {
                sb.append("\\n");
            } else if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return bytes.length > max ? sb.append("...").toString() : sb.toString();
    }

    /** A request as sent, for messages about raw exchanges. */
    public static String request(String raw) {
        return bytes(raw.getBytes(StandardCharsets.ISO_8859_1), 400);
    }
}
