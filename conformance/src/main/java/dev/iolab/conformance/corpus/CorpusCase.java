package dev.iolab.conformance.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One case of a {@link Corpora} file (format in its README.md): exact request bytes and the verdict a strict server owes. */
public record CorpusCase(
        String file,
        String name,
        byte[] raw,
        String expect,
        List<String> acceptable,
        int messagesComplete,
        String expectBody,
        boolean mustClose,
        List<Integer> expectStatus) {

    /** Every case of every corpus, in file order. */
    public static List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Corpora corpus : Corpora.values()) {
            cases.addAll(load(corpus));
        }
        return cases;
    }

    public static List<CorpusCase> load(Corpora corpus) {
        List<CorpusCase> cases = new ArrayList<>();
        for (String line : corpus.cases()) {
            cases.add(of(corpus.fileName(), Json.object(line)));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static CorpusCase of(String file, Map<String, Object> o) {
        byte[] raw;
        if (o.get("raw_b64") instanceof String b64) {
            raw = Base64.getDecoder().decode(b64);
        } else {
            String encoding =
                    String.valueOf(o.getOrDefault("raw_encoding", "utf-8")).toLowerCase(Locale.ROOT);
            Charset charset = encoding.contains("latin") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            raw = ((String) o.get("raw")).getBytes(charset);
        }
        List<String> acceptable = o.get("acceptable") instanceof List<?> l ? (List<String>) l : List.of();
        int complete = o.get("messages_complete") instanceof Number n ? n.intValue() : 0;
        List<Integer> statuses = new ArrayList<>();
        if (o.get("expect_status") instanceof List<?> l) {
            l.forEach(s -> statuses.add(((Number) s).intValue()));
        }
        return new CorpusCase(
                file,
                String.valueOf(o.get("name")),
                raw,
                (String) o.get("expect"),
                acceptable,
                complete,
                (String) o.get("expect_body"),
                Boolean.TRUE.equals(o.get("must_close_connection")),
                statuses);
    }

    /** A path-traversal payload: judged by what it must never fetch, not by parsing. */
    public boolean traversal() {
        return file.startsWith("traversal");
    }

    /** The verdict the corpus gives first, then the other acceptable ones. */
    public List<String> verdicts() {
        List<String> verdicts = new ArrayList<>(acceptable);
        verdicts.remove(expect);
        verdicts.addFirst(expect);
        return verdicts;
    }

    /**
     * A server may rightly wait for more bytes after this case: appending a sentinel request would then hand it
     * those bytes (completing a body) and change the case, so the replay sends the case alone.
     */
    public boolean mayWaitForMore() {
        return verdicts().contains("incomplete");
    }

    /** How many requests the case holds at most, i.e. how many answers it may get before anything sent after it. */
    public int requestsAtMost() {
        return Math.max(1, messagesComplete);
    }

    /** True when the first request is a HEAD (its answer has no body whatever its Content-Length says). */
    public boolean headFirst() {
        return new String(raw, 0, Math.min(raw.length, 8), StandardCharsets.ISO_8859_1)
                .replaceFirst("^(\r\n)+", "")
                .startsWith("HEAD ");
    }

    /** An HTTP/1.1 first request without Host: RFC 9112 §3.2 (and the contract) require 400 whatever the rest says. */
    boolean firstRequestLacksHost() {
        String head = head().toLowerCase(Locale.ROOT);
        int lineEnd = head.indexOf('\n');
        String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
        return requestLine.contains("http/1.1") && !head.contains("\nhost:");
    }

    /**
     * An {@code Expect} field other than {@code 100-continue}: RFC 9110 §10.1.1 lets a server answer 417 instead of
     * the request, or ignore the expectation.
     */
    boolean unknownExpectation() {
        return Pattern.compile("(?m)^expect:[ \t]*(.*?)[ \t]*\r?$")
                .matcher(head().toLowerCase(Locale.ROOT))
                .results()
                .anyMatch(m -> !m.group(1).equals("100-continue"));
    }

    /**
     * Framed by exactly one valid Content-Length and no Transfer-Encoding: where the body ends is known, so a server
     * that refuses it (413) may read and discard it instead of closing.
     */
    boolean framedByValidContentLength() {
        String head = head().toLowerCase(Locale.ROOT);
        List<String> lengths = Pattern.compile("(?m)^content-length:[ \t]*(.*?)[ \t]*\r?$")
                .matcher(head)
                .results()
                .map(m -> m.group(1))
                .toList();
        return lengths.size() == 1 && fitsALong(lengths.getFirst()) && !head.contains("\ntransfer-encoding");
    }

    private static boolean fitsALong(String digits) {
        if (!digits.matches("\\d{1,19}")) {
            return false;
        }
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false; // over 2^63-1: no server can count that far, so where the body ends is not known
        }
    }

    /**
     * An upgrade request followed by bytes and no body: a server that does not switch protocols (iolab's never do) reads
     * those bytes as the next request (RFC 9110 §7.8), so one more answer, a 400 for the garbage, is the strict reading.
     */
    boolean upgradeWithTrailingBytes() {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceFirst("^(\r\n)+", "");
        String head = head();
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("\nupgrade:")
                && !lower.contains("\ncontent-length")
                && !lower.contains("\ntransfer-encoding")
                && text.length() > head.length() + 4;
    }

    /** An {@code Upgrade: websocket} request (the corpus's are draft-era handshakes no server accepts today). */
    boolean websocketUpgrade() {
        return Pattern.compile("(?m)^upgrade:[ \t]*websocket")
                .matcher(head().toLowerCase(Locale.ROOT))
                .find();
    }

    /** The first request's head (request line and fields, without the empty line), leading CRLFs dropped. */
    String head() {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceFirst("^(\r\n)+", "");
        int end = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (end < 0 || (lf >= 0 && lf < end)) {
            end = lf;
        }
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * The request bytes for a target behind {@code prefix} (a gateway route, e.g. {@code /mvc-platform}; empty for a
     * target reached directly): the first request-target gets the prefix when it is an origin-form path.
     */
    public byte[] routed(String prefix) {
        if (prefix.isEmpty()) {
            return raw;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (text.startsWith("\r\n", start)) {
            start += 2;
        }
        int space = text.indexOf(' ', start);
        if (space < 0 || !text.startsWith("/", space + 1)) {
            return raw;
        }
        return (text.substring(0, space + 1) + prefix + text.substring(space + 1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return file + " / " + name;
    }
}
