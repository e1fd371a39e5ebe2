package dev.iolab.plain.it;

import dev.iolab.conformance.corpus.Corpora;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One case of a {@link Corpora} file (format in its README.md): exact request bytes and the verdict a strict server owes. */
record CorpusCase(String file, String name, byte[] raw, String expect, List<String> acceptable, int messagesComplete,
                  String expectBody, boolean mustClose, List<Integer> expectStatus) {

    static List<CorpusCase> load(Corpora corpus) {
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
            String encoding = String.valueOf(o.getOrDefault("raw_encoding", "utf-8")).toLowerCase(Locale.ROOT);
            Charset charset = encoding.contains("latin") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            raw = ((String) o.get("raw")).getBytes(charset);
        }
        List<String> acceptable = o.get("acceptable") instanceof List<?> l ? (List<String>) l : List.of();
        int complete = o.get("messages_complete") instanceof Number n ? n.intValue() : 0;
        List<Integer> statuses = new ArrayList<>();
        if (o.get("expect_status") instanceof List<?> l) {
            l.forEach(s -> statuses.add(((Number) s).intValue()));
        }
        return new CorpusCase(file, String.valueOf(o.get("name")), raw, (String) o.get("expect"), acceptable, complete,
                (String) o.get("expect_body"), Boolean.TRUE.equals(o.get("must_close_connection")), statuses);
    }

    /** An HTTP/1.1 first request without Host: RFC 9112 §3.2 (and the contract) require 400 whatever the rest says. */
    boolean firstRequestLacksHost() {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceFirst("^(\r\n)+", "");
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        int lineEnd = head.indexOf('\n');
        String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
        return requestLine.contains("http/1.1") && !head.contains("\nhost:");
    }

    @Override
    public String toString() {
        return file + " / " + name;
    }
}
