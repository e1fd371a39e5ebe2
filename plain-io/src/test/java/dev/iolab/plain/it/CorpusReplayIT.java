package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.corpus.Corpora;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays every case of the {@link Corpora} (llhttp requests, smuggling variants, traversal payloads)
 * over raw sockets against every plain-io model and checks each verdict. A missing or shrunken corpus
 * fails the replay: it never passes by replaying nothing.
 */
class CorpusReplayIT {

    /**
     * Cases whose corpus verdict plain-io deliberately does not give, each justified in
     * docs/plain-io-corpus-exceptions.md (keep both lists equal).
     */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "llhttp-requests.jsonl / No HTTP version",
            "HTTP/0.9 simple requests are refused with 400; plain-io speaks HTTP/1.x only");

    private static List<CorpusCase> cases;

    @BeforeAll
    static void loadCorpora() {
        cases = new ArrayList<>();
        for (Corpora corpus : Corpora.values()) {
            cases.addAll(CorpusCase.load(corpus));
        }
        // Corpora already refuses a missing or shrunken file; this pins what this replay claims to cover.
        assertThat(cases).as("corpus cases replayed").hasSizeGreaterThan(150);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = "PLAIN_.*", mode = EnumSource.Mode.MATCH_ALL)
    void everyCorpusVerdictIsRight(Target target) throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> excused = new LinkedHashSet<>();
        try (PlainProcess server = PlainProcess.start(target)) {
            for (CorpusCase c : cases) {
                RawExchange exchange = replay(server, c);
                String problem = CorpusVerdicts.judge(c, exchange);
                if (problem == null) {
                    continue;
                }
                if (EXCEPTIONS.containsKey(c.toString())) {
                    excused.add(c.toString());
                } else {
                    wrong.add(c + ": " + problem + "\n    request:  " + printable(c.raw()) + "\n    response: " + exchange.describe());
                }
            }
            assertThat(server.logText()).as("server log").doesNotContain("Exception in thread");
        }
        System.out.printf("CORPUS %s: %d cases, %d wrong, %d documented exceptions %s%n",
                target.id(), cases.size(), wrong.size(), excused.size(), excused);
        assertThat(wrong).as("%s: corpus cases with a wrong verdict", target.id()).isEmpty();
    }

    private static RawExchange replay(PlainProcess server, CorpusCase c) throws IOException {
        return switch (c.expect()) {
            case "ok" -> RawExchange.send(server.base(), c.raw(), Math.max(1, c.messagesComplete()), 150, 5000);
            case "incomplete" -> RawExchange.send(server.base(), c.raw(), c.messagesComplete(), 400, 5000);
            // an error must end in a closed connection: wait for it (bounded)
            default -> RawExchange.send(server.base(), c.raw(), Integer.MAX_VALUE, 3000, 3000);
        };
    }

    private static String printable(byte[] raw) {
        String s = new String(raw, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
