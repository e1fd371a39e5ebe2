package dev.iolab.conformance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 response as read off a socket, framing included: which framing carried the body and
 * whether it was complete (a chunked body cut off before its last chunk is not).
 *
 * @param framing {@code content-length}, {@code chunked}, {@code close} (read to EOF) or {@code none}
 * @param complete false when the connection ended or failed before the framing said the body was done
 * @param bodyLength bytes of body received (the body itself may be discarded when streamed to a sink)
 */
public record RawResponse(
        String statusLine,
        int status,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        long bodyLength,
        String framing,
        boolean complete,
        String error) {

    /** The first value of header {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** All values of header {@code name}. */
    public List<String> headers(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The status line and header lines as received (names as sent), one per line. */
    public String head() {
        StringBuilder sb = new StringBuilder(statusLine).append('\n');
        headers.forEach(
                h -> sb.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        return sb.toString();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Status line, headers and the start of the body: what an assertion message shows. */
    public String describe() {
        StringBuilder sb = new StringBuilder("    ").append(statusLine).append('\n');
        headers.forEach(h -> sb.append("    ")
                .append(h.getKey())
                .append(": ")
                .append(h.getValue())
                .append('\n'));
        sb.append("    [")
                .append(framing)
                .append(complete ? ", complete" : ", INCOMPLETE: " + error)
                .append(", ")
                .append(bodyLength)
                .append(" body bytes] ")
                .append(Describe.bytes(body, 300));
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
