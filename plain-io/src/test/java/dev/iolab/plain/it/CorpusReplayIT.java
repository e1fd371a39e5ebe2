package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays every case of {@code ../shared/corpora} (llhttp requests, smuggling variants, traversal payloads)
 * over raw sockets against every plain-io model and checks each verdict. When the folder is missing this
 * fails, loudly, unless {@code -Diolab.corpora.optional=true}: it never passes by replaying nothing.
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
    static void loadCorpora() throws IOException {
        Path dir = Path.of(System.getProperty("iolab.corpora.dir", "../../shared/corpora")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            String message = "CORPUS REPLAY: " + dir + " does not exist, so no corpus case was replayed. It exists in CI; "
                    + "locally pass -Diolab.corpora.dir=<dir> or accept skipping with -Diolab.corpora.optional=true.";
            System.err.println(message);
            org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("iolab.corpora.optional"), message);
            throw new AssertionError(message);
        }
        cases = new ArrayList<>();
        for (String file : List.of("llhttp-requests.jsonl", "smuggling.jsonl", "traversal.jsonl")) {
            cases.addAll(CorpusCase.load(dir.resolve(file)));
        }
        assertThat(cases).as("corpus cases in " + dir).hasSizeGreaterThan(100);
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
