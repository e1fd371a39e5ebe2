package dev.iolab.conformance.corpus;

import dev.iolab.conformance.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides what a server did with one corpus case: a traversal escape, a desync (something behind the case read as a
 * request), or a verdict other than the case's (or an acceptable one). Each method gives null when right, else what
 * was wrong.
 */
public final class CorpusVerdicts {

    /** What /etc/passwd and win.ini start lines look like: never in any answer. */
    private static final List<String> SYSTEM_FILE_MARKERS =
            List.of("root:x:0:0", "root:*:0:0", "[fonts]", "[extensions]");

    private CorpusVerdicts() {}

    /** A traversal case served (2xx) or any answer carrying a system file or {@code secret} (a file outside the data directory). */
    public static String escape(CorpusCase c, CorpusExchange x, byte[] secret) {
        for (RawResponse r : x.caseResponses()) {
            if (c.traversal() && r.status() >= 200 && r.status() < 300) {
                return "served " + r.status() + " for a traversal";
            }
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            for (String marker : SYSTEM_FILE_MARKERS) {
                if (body.contains(marker)) {
                    return "an answer contains '" + marker + "'";
                }
            }
            if (secret != null && secret.length > 0 && indexOf(r.body(), secret) >= 0) {
                return "an answer contains the bytes of a file outside the data directory";
            }
        }
        return null;
    }

    /**
     * Bytes behind the case read as a request of their own: an answer after a 400 (nothing behind a framing error is a
     * request), or more answers before the sentinel's than the case holds requests (a smuggled request, or the
     * sentinel answered as something else). Applies to every target, whatever its either-choices.
     */
    public static String desync(CorpusCase c, CorpusExchange x) {
        List<RawResponse> all = x.responses();
        List<RawResponse> answered = x.caseResponses();
        int answers = answered.size();
        if (c.upgradeWithTrailingBytes()
                && answers == c.requestsAtMost() + 1
                && answered.getFirst().status() != 101
                && answered.getLast().status() == 400
                && x.closed()) {
            // not switched: the bytes after the head are the next request, garbage, refused and closed (a 400 to the
            // handshake itself, RFC 6455 §4.2.2, is an answer to that request, not a framing error)
            return null;
        }
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).status() == 400) {
                return "answered again after a 400 (response #" + (i + 2) + ": "
                        + all.get(i + 1).statusLine() + ")";
            }
        }
        if (answers > c.requestsAtMost()) {
            return answers + " answers before the sentinel's to a case of at most " + c.requestsAtMost()
                    + " request(s): bytes behind it were read as a request";
        }
        return null;
    }

    /** Null when the verdict (or an acceptable one) is right, else what was wrong for each. */
    public static String judge(CorpusCase c, CorpusExchange x) {
        if (x.unreadable() != null) {
            // Tomcat at times answers a broken request line the HTTP/0.9 way, a bare 400 body: a rejection if it then
            // closes
            boolean http09Rejection = x.unreadable().startsWith("not an HTTP/1.x status line: 400 ")
                    && x.closed()
                    && x.caseResponses().isEmpty()
                    && !x.unreadable()
                            .substring(x.unreadable().indexOf(" then ") + 1)
                            .contains("HTTP/1.");
            return http09Rejection && c.verdicts().contains("error")
                    ? null
                    : "not an HTTP/1.x response: " + x.unreadable();
        }
        if (c.traversal()) {
            return traversal(c, x);
        }
        List<String> reasons = new ArrayList<>();
        for (String verdict : c.verdicts()) {
            String reason = switch (verdict) {
                case "ok" -> ok(c, x);
                case "error" -> error(c, x);
                case "incomplete" -> incomplete(c, x);
                default -> "unknown verdict " + verdict;
            };
            if (reason == null) {
                return null;
            }
            reasons.add(verdict + ": " + reason);
        }
        return String.join("; ", reasons);
    }

    /** A failure of the server or of a gateway's upstream (500, 502, 503, 504): neither an answer nor a rejection. */
    static boolean failure(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Parsed and answered: not a 400 (unless Host is missing, which RFC 9112 §3.2 makes a 400), and the echo body when given. */
    private static String ok(CorpusCase c, CorpusExchange x) {
        if (x.caseResponses().isEmpty()) {
            return "no response";
        }
        RawResponse first = x.caseResponses().getFirst();
        if (first.status() == 400) {
            // RFC 9112 §3.2: no Host is a 400; RFC 6455 §4.2.2: a WebSocket handshake the server cannot accept is a 400
            return c.firstRequestLacksHost() || c.websocketUpgrade() ? null : "answered 400";
        }
        if (failure(first.status())) {
            return "answered " + first.status() + " (a server failure, not an answer)";
        }
        if (first.status() == 417 && c.unknownExpectation()) {
            // RFC 9110 §10.1.1: an expectation the server cannot meet may be answered 417; closing after it unannounced
            // sends a pooling client's (the gateway's) next request into a dying connection
            return x.closed()
                            && x.caseResponses().size() == 1
                            && first.headers("Connection").stream()
                                    .noneMatch(v ->
                                            v.toLowerCase(java.util.Locale.ROOT).contains("close"))
                    ? "closed after a 417 without announcing Connection: close"
                    : null;
        }
        if (c.expectBody() != null) {
            byte[] expected = c.expectBody().getBytes(StandardCharsets.ISO_8859_1);
            if (first.status() != 200 || !Arrays.equals(first.body(), expected)) {
                return "expected 200 with body '" + c.expectBody() + "', got " + first.status() + " '"
                        + first.bodyText() + "'";
            }
        }
        return null;
    }

    /**
     * Rejected: a 4xx (or 501/505) no later than the first message that is not complete (so a desync that first answers
     * a 200 fails), and the connection closed when the case requires it or the answer is 400 (or when nothing was answered).
     * A 413 to a body announced by a valid Content-Length may leave the connection open: the server knows where that
     * body ends and may read and discard it (RFC 9110 §15.5.14 lets it close, or not).
     */
    private static String error(CorpusCase c, CorpusExchange x) {
        List<RawResponse> responses = x.caseResponses();
        int rejectedAt = -1;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).status() >= 400) {
                rejectedAt = i;
                break;
            }
        }
        if (rejectedAt < 0) {
            return responses.isEmpty() && x.closed() ? null : "no 4xx/5xx answer";
        }
        RawResponse rejection = responses.get(rejectedAt);
        if (failure(rejection.status())) {
            return "answered " + rejection.status() + " (a server failure, not a rejection)";
        }
        if (rejectedAt > c.messagesComplete()) {
            return "rejected only at response #" + (rejectedAt + 1) + " (after a desync?)";
        }
        boolean discardsAnnouncedBody = rejection.status() == 413 && c.framedByValidContentLength();
        if ((c.mustClose() && !discardsAnnouncedBody || rejection.status() == 400) && !x.closed()) {
            return "connection left open after the rejection";
        }
        return null;
    }

    /** Waiting: exactly the complete messages answered, none with 400, and the partial tail not refused. */
    private static String incomplete(CorpusCase c, CorpusExchange x) {
        List<RawResponse> responses = x.caseResponses();
        if (c.firstRequestLacksHost()
                && !responses.isEmpty()
                && responses.getFirst().status() == 400) {
            return null; // RFC 9112 §3.2 MUST: the first message is already refused for its missing Host
        }
        long complete = responses.stream().filter(RawResponse::complete).count();
        if (responses.stream().anyMatch(r -> r.status() == 400)) {
            return "answered 400 to a partial message";
        }
        if (responses.stream().anyMatch(r -> failure(r.status()))) {
            return "a server failure among the answers";
        }
        return complete == c.messagesComplete()
                ? null
                : "expected " + c.messagesComplete() + " responses, got " + complete;
    }

    /** Traversal payloads: one of the expected statuses (never 2xx; {@link #escape} checks the bytes). */
    private static String traversal(CorpusCase c, CorpusExchange x) {
        if (x.caseResponses().isEmpty()) {
            return "no response";
        }
        RawResponse first = x.caseResponses().getFirst();
        if (first.status() >= 200 && first.status() < 300) {
            return "served " + first.status() + " for a traversal";
        }
        return c.expectStatus().isEmpty() || c.expectStatus().contains(first.status())
                ? null
                : "status " + first.status() + " not in " + c.expectStatus();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
