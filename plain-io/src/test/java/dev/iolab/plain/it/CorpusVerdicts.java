package dev.iolab.plain.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decides whether what a server did with one corpus case matches the case's verdict (or an acceptable one). */
final class CorpusVerdicts {

    private CorpusVerdicts() {
    }

    /** Null when right, else what was wrong. */
    static String judge(CorpusCase c, RawExchange x) {
        if (c.file().startsWith("traversal")) {
            return traversal(c, x);
        }
        List<String> verdicts = new ArrayList<>(c.acceptable());
        verdicts.addFirst(c.expect());
        List<String> reasons = new ArrayList<>();
        for (String verdict : verdicts) {
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

    /** Parsed and answered: not a 400 (unless Host is missing, which RFC 9112 §3.2 makes a 400), and the echo body when given. */
    private static String ok(CorpusCase c, RawExchange x) {
        if (x.responses().isEmpty()) {
            return "no response";
        }
        RawExchange.Response first = x.responses().getFirst();
        if (first.status() == 400) {
            return c.firstRequestLacksHost() ? null : "answered 400";
        }
        if (c.expectBody() != null) {
            byte[] expected = c.expectBody().getBytes(StandardCharsets.ISO_8859_1);
            if (first.status() != 200 || !Arrays.equals(first.body(), expected)) {
                return "expected 200 with body '" + c.expectBody() + "', got " + first.status() + " '" + first.bodyText() + "'";
            }
        }
        return null;
    }

    /**
     * Rejected: a 4xx/5xx no later than the first message that is not complete (so a desync that first answers
     * a 200 fails), and the connection closed when the case requires it (or when nothing was answered).
     */
    private static String error(CorpusCase c, RawExchange x) {
        int rejectedAt = -1;
        for (int i = 0; i < x.responses().size(); i++) {
            if (x.responses().get(i).status() >= 400) {
                rejectedAt = i;
                break;
            }
        }
        if (rejectedAt < 0) {
            return x.responses().isEmpty() && x.closed() ? null : "no 4xx/5xx answer";
        }
        if (rejectedAt > c.messagesComplete()) {
            return "rejected only at response #" + (rejectedAt + 1) + " (after a desync?)";
        }
        if ((c.mustClose() || x.responses().get(rejectedAt).status() == 400) && !x.closed()) {
            return "connection left open after the rejection";
        }
        return null;
    }

    /** Waiting: exactly the complete messages answered, none with 400, and the partial tail not refused. */
    private static String incomplete(CorpusCase c, RawExchange x) {
        if (c.firstRequestLacksHost() && !x.responses().isEmpty() && x.responses().getFirst().status() == 400) {
            return null; // RFC 9112 §3.2 MUST: the first message is already refused for its missing Host
        }
        long complete = x.responses().stream().filter(RawExchange.Response::complete).count();
        if (x.responses().stream().anyMatch(r -> r.status() == 400)) {
            return "answered 400 to a partial message";
        }
        return complete == c.messagesComplete() ? null : "expected " + c.messagesComplete() + " responses, got " + complete;
    }

    /** Traversal payloads: one of the expected statuses, and never a byte of /etc/passwd or the like. */
    private static String traversal(CorpusCase c, RawExchange x) {
        if (x.responses().isEmpty()) {
            return "no response";
        }
        RawExchange.Response first = x.responses().getFirst();
        if (first.status() >= 200 && first.status() < 300) {
            return "served " + first.status() + " for a traversal";
        }
        if (first.bodyText().contains("root:")) {
            return "response body contains 'root:'";
        }
        return c.expectStatus().isEmpty() || c.expectStatus().contains(first.status()) ? null
                : "status " + first.status() + " not in " + c.expectStatus();
    }
}
