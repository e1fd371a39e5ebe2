package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.corpus.Corpora;
import dev.iolab.conformance.corpus.CorpusCase;
import dev.iolab.conformance.corpus.CorpusExchange;
import dev.iolab.conformance.corpus.CorpusVerdicts;
import dev.iolab.conformance.corpus.EitherChoice;
import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;

/**
 * Replays every case of the {@link Corpora} (llhttp requests, smuggling variants, traversal payloads) over raw
 * sockets, each followed by a sentinel request in the same write: no case may make a target (or the gateway in front
 * of it) read bytes behind it as a request, no traversal payload may fetch a byte from outside the data directory,
 * and every case gets the corpus's verdict, or, where its only fault is one of RFC 9112's either-choices, the
 * choice the target's engine is documented to make (docs/strictness.md). Cases run on several connections at once
 * so that the replay stays a few seconds per target.
 */
@DisplayName("corpus replay")
class CorpusConformanceIT {

    /**
     * Cases whose corpus verdict no iolab target gives, each justified in docs/strictness.md, "Corpus replay" (keep
     * both lists equal): the contract, not an engine, decides these.
     */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "llhttp-requests.jsonl / No HTTP version",
            "an HTTP/0.9 simple request (RFC 9112 §2.3 leaves it to the server): plain-io and Netty refuse it with 400, "
                    + "Tomcat answers it the HTTP/0.9 way (a body without status line, then close); no iolab client speaks it");

    /** Connections replaying at once: enough to hide the few honest waits, few enough for 2 busy cores. */
    static final int PARALLEL = 6;

    @ConformanceTest
    @DisplayName(
            "every corpus case gets its verdict or the engine's documented either-choice, with no desync and no traversal escape")
    void everyCorpusCaseIsRightWithoutDesyncOrEscape(TargetUnderTest target, TestReporter reporter) throws Exception {
        List<CorpusCase> cases = CorpusCase.all();
        // Corpora already refuses a missing or shrunken file; this pins what the replay claims to cover.
        assertThat(cases).as("corpus cases replayed").hasSizeGreaterThan(150);
        warmUp(target);
        byte[] secret = target.outsideSecret().map(CorpusConformanceIT::read).orElse(null);
        Set<EitherChoice> accepted = EitherChoice.acceptedBy(target.id(), target.proxied());

        long start = System.nanoTime();
        List<CorpusExchange> exchanges = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<CorpusExchange>> futures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                int n = i + 1;
                CorpusCase c = cases.get(i);
                futures.add(pool.submit(() -> replay(target, c, n)));
            }
            for (Future<CorpusExchange> future : futures) {
                try {
                    exchanges.add(future.get());
                } catch (ExecutionException e) {
                    throw new AssertionError(
                            "replaying a corpus case against " + target.label() + " failed", e.getCause());
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        List<String> escapes = new ArrayList<>();
        List<String> desyncs = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> byChoice = new TreeMap<>();
        List<String> excused = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CorpusCase c = cases.get(i);
            CorpusExchange x = exchanges.get(i);
            String what = "#" + (i + 1) + " " + c + "\n    request:  " + Describe.bytes(c.routed(target.path("")), 300)
                    + "\n    response:" + x.describe();
            String escape = CorpusVerdicts.escape(c, x, secret);
            String desync = CorpusVerdicts.desync(c, x);
            String verdict = CorpusVerdicts.judge(c, x);
            String outcome = "right";
            if (escape != null) {
                escapes.add(escape + ": " + what);
                outcome = "ESCAPE";
            }
            if (desync != null) {
                desyncs.add(desync + ": " + what);
                outcome = "DESYNC";
            }
            if (verdict != null) {
                Set<EitherChoice> choices = EitherChoice.exercisedBy(c);
                if (EXCEPTIONS.containsKey(c.toString())) {
                    excused.add(c.toString());
                    outcome = "exception";
                } else if (!choices.isEmpty() && accepted.containsAll(choices) && servedAsChosen(choices, x)) {
                    String key = choices.stream().map(EitherChoice::key).collect(Collectors.joining("+"));
                    byChoice.merge(key, 1, Integer::sum);
                    outcome = outcome.equals("right") ? "accepted:" + key : outcome;
                } else {
                    wrong.add(verdict + ": " + what);
                    outcome = outcome.equals("right") ? "WRONG" : outcome;
                }
            }
            table.add(String.join(
                    "\t",
                    Integer.toString(i + 1),
                    c.file(),
                    c.name(),
                    String.join("|", c.verdicts()),
                    x.caseResponses().isEmpty()
                            ? "none"
                            : Integer.toString(x.caseResponses().getFirst().status()),
                    x.closed() ? "closed" : "open",
                    x.sentinelSent() ? x.sentinelAnswered() ? "sentinel" : "no-sentinel" : "-",
                    Long.toString(x.millis()),
                    outcome,
                    verdict == null ? "" : verdict));
        }
        int right = cases.size()
                - wrong.size()
                - excused.size()
                - byChoice.values().stream().mapToInt(Integer::intValue).sum();
        String summary = String.format(
                "CORPUS %s: %d cases in %.1f s: %d as the corpus says, %d by documented either-choice %s, "
                        + "%d documented exceptions %s; %d wrong, %d desyncs, %d traversal escapes",
                target.label(),
                cases.size(),
                millis / 1000.0,
                right,
                byChoice.values().stream().mapToInt(Integer::intValue).sum(),
                byChoice,
                excused.size(),
                excused,
                wrong.size(),
                desyncs.size(),
                escapes.size());
        System.out.println(summary);
        reporter.publishEntry("corpus", summary);
        writeTable(target, table);

        assertThat(escapes).as("%s: traversal escapes", target.label()).isEmpty();
        assertThat(desyncs)
                .as("%s: desyncs (bytes behind a case read as a request)", target.label())
                .isEmpty();
        assertThat(wrong)
                .as("%s: corpus cases with a wrong verdict", target.label())
                .isEmpty();
    }

    /**
     * The case sent on a fresh connection; unless the server may rightly wait for more bytes after it, a
     * {@code POST /echo} with body {@code sentinel-N} follows in the same write.
     */
    private static CorpusExchange replay(TargetUnderTest target, CorpusCase c, int n) throws IOException {
        String body = "sentinel-" + n;
        // a POST: a proxy may silently retry a GET that met a dead pooled connection, never a POST (so that shows)
        byte[] sentinel = c.mayWaitForMore()
                ? null
                : (RawConnection.request("POST", target, Endpoints.ECHO, "Content-Length: " + body.length()) + body)
                        .getBytes(StandardCharsets.ISO_8859_1);
        return CorpusExchange.replay(
                target.host(),
                target.port(),
                c.routed(target.path("")),
                sentinel,
                body,
                c.headFirst(),
                c.messagesComplete());
    }

    /**
     * Served the way docs/strictness.md describes the choice: answered (not 400, not a server failure), and after
     * Content-Length with chunked the connection closed without answering what follows.
     */
    private static boolean servedAsChosen(Set<EitherChoice> choices, CorpusExchange x) {
        if (x.caseResponses().isEmpty()) {
            return false;
        }
        int status = x.caseResponses().getFirst().status();
        if (status == 400 || status >= 500 && status != 501 && status != 505) {
            return false;
        }
        return !choices.contains(EitherChoice.CL_TE) || (x.closed() && !x.sentinelAnswered());
    }

    /** The first request a route or a JVM serves pays for class loading: not a case's silence. */
    private static void warmUp(TargetUnderTest target) throws IOException {
        try (RawConnection connection = RawConnection.open(target)) {
            RawResponse response = connection
                    .send(RawConnection.get(target, Endpoints.ECHO + "?msg=warm-up"))
                    .read();
            assertThat(response.status())
                    .as("warm-up echo on %s%n%s", target.label(), response.describe())
                    .isEqualTo(200);
        }
    }

    /** One line per case (what the target did), for docs/strictness.md: target/corpus-verdicts/<label>.tsv. */
    private static void writeTable(TargetUnderTest target, List<String> lines) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "corpus-verdicts"));
            Files.write(dir.resolve(target.label().replace('/', '_') + ".tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus verdict table", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).trim().getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
