package dev.iolab.contract;

import java.util.List;

/**
 * The one reading of a request's {@code Transfer-Encoding} that every target frames by: a request body is
 * chunked only when the field is exactly a well-formed coding list (RFC 9110 §5.6.1 list, RFC 9112 §7
 * {@code transfer-coding}) whose last and only chunked coding is the bare token {@code chunked}; anything
 * else is refused before the body is framed (RFC 9112 §6.1, §6.3), because a peer that reads the field
 * differently (a non-ASCII space, {@code chunked;}, {@code x-chunked}, {@code chunked, identity}) would frame
 * the bytes after the head differently: request smuggling.
 */
public final class TransferCoding {

    /** The only transfer coding the targets decode. */
    public static final String CHUNKED = "chunked";

    /** What a request's Transfer-Encoding means for its framing. */
    public enum Verdict {
        /** Absent: framed by Content-Length (or no body). */
        ABSENT(0),
        /** Exactly {@code chunked}: framed by the chunked coding. */
        CHUNKED(0),
        /** A well-formed list ending in {@code chunked} with other codings before it: 501 (RFC 9112 §6.1, SHOULD). */
        UNSUPPORTED(501),
        /** Anything else: {@code chunked} not the final coding, applied twice, or not the grammar: 400, then close. */
        MALFORMED(400);

        private final int status;

        Verdict(int status) {
            this.status = status;
        }

        /** The status to refuse with, 0 when the request can be framed. */
        public int status() {
            return status;
        }

        /** True when the request must be refused (and the connection closed) before its body is read. */
        public boolean refused() {
            return status != 0;
        }
    }

    private TransferCoding() {}

    /** The verdict for every {@code Transfer-Encoding} field value of a request, in order (RFC 9110 §5.3 concatenates them). */
    public static Verdict verdict(List<String> fieldValues) {
        if (fieldValues == null || fieldValues.isEmpty()) {
            return Verdict.ABSENT;
        }
        return verdict(String.join(",", fieldValues));
    }

    /** The verdict for one (combined) {@code Transfer-Encoding} field value. */
    public static Verdict verdict(String value) {
        Scanner scanner = new Scanner(value);
        int codings = 0;
        int chunked = 0;
        boolean lastChunked = false;
        // #transfer-coding: [ element ] *( OWS "," OWS [ element ] ); empty elements are allowed (§5.6.1.2)
        while (true) {
            scanner.ows();
            if (!scanner.atEnd() && scanner.peek() != ',') {
                Coding coding = scanner.coding();
                if (coding == null) {
                    return Verdict.MALFORMED;
                }
                codings++;
                lastChunked = coding.name().equalsIgnoreCase(CHUNKED);
                if (lastChunked) {
                    // RFC 9112 §7: chunked takes no parameters and is never applied twice
                    if (coding.parameters() || ++chunked > 1) {
                        return Verdict.MALFORMED;
                    }
                }
                scanner.ows();
            }
            if (scanner.atEnd()) {
                break;
            }
            if (scanner.next() != ',') {
                return Verdict.MALFORMED;
            }
        }
        if (!lastChunked) {
            return Verdict.MALFORMED; // §6.3: chunked is not the final coding (or no coding at all)
        }
        return codings == 1 ? Verdict.CHUNKED : Verdict.UNSUPPORTED;
    }

    /** True when {@code value} is exactly a valid coding list whose final coding is {@code chunked}. */
    public static boolean isChunkedFinal(String value) {
        Verdict verdict = verdict(value);
        return verdict == Verdict.CHUNKED || verdict == Verdict.UNSUPPORTED;
    }

    private record Coding(String name, boolean parameters) {}

    /** A cursor over the value with the productions of RFC 9110 §5.6 (token, OWS, quoted-string). */
    private static final class Scanner {

        private final String s;
        private int i;

        Scanner(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        char next() {
            return s.charAt(i++);
        }

        /** OWS = *( SP / HTAB ): no other space, ASCII or not. */
        void ows() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                i++;
            }
        }

        /** transfer-coding = token *( OWS ";" OWS transfer-parameter ); null when malformed. */
        Coding coding() {
            String name = token();
            if (name == null) {
                return null;
            }
            boolean parameters = false;
            while (true) {
                int mark = i;
                ows();
                if (atEnd() || peek() != ';') {
                    i = mark;
                    return new Coding(name, parameters);
                }
                i++;
                ows();
                // transfer-parameter = token BWS "=" BWS ( token / quoted-string )
                if (token() == null) {
                    return null;
                }
                ows();
                if (atEnd() || next() != '=') {
                    return null;
                }
                ows();
                if (!atEnd() && peek() == '"' ? !quotedString() : token() == null) {
                    return null;
                }
                parameters = true;
            }
        }

        String token() {
            int start = i;
            while (!atEnd() && tchar(peek())) {
                i++;
            }
            return i > start ? s.substring(start, i) : null;
        }

        /** quoted-string with qdtext and quoted-pair of visible ASCII, SP and HTAB (obs-text is refused). */
        boolean quotedString() {
            i++; // the opening DQUOTE
            while (!atEnd()) {
                char c = next();
                if (c == '"') {
                    return true;
                }
                if (c == '\\') {
                    if (atEnd() || !quotable(next())) {
                        return false;
                    }
                } else if (!quotable(c)) {
                    return false;
                }
            }
            return false;
        }

        private static boolean quotable(char c) {
            return c == '\t' || (c >= 0x20 && c < 0x7F);
        }

        /** tchar (RFC 9110 §5.6.2). */
        private static boolean tchar(char c) {
            return (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
