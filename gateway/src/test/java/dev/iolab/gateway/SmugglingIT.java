package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.conformance.corpus.Corpora;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The smuggling corpus ({@link Corpora#SMUGGLING}) sent to the gateway: whatever the gateway answers, the upstream behind it
 * must receive at most the one request the client meant (never a smuggled second one), and bytes left
 * over on the client connection must never be parsed as a next request (a probe sent afterwards on the
 * same connection, if it is still open, must come back intact).
 */
class SmugglingIT extends GatewayOnRandomPort {

    static final Target ROUTE = Target.WEBFLUX_EPOLL;

    @RegisterExtension // closed after the class
    static final CountingUpstream UPSTREAM = CountingUpstream.start(ROUTE);

    static final Pattern REQUEST_TARGET = Pattern.compile("^([A-Z]+ )/echo(\\?[^ ]*)?");
    static final Pattern MARKER = Pattern.compile("[?&](case=\\d+|msg=(?:probe|warm)-[\\w-]+)");
    /** One line per case: what the gateway did (for docs/gateway.md). */
    static final Path VERDICTS = Path.of("target", "smuggling-verdicts.tsv");

    /** How long a silent connection is taken as "waiting for more" (the gateway is warmed up first). */
    static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    private final List<String> verdicts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UPSTREAM.routeTo(registry, ROUTE);
    }

    @BeforeEach
    void warmUp() throws IOException {
        // The first proxied request pays for class loading and the first upstream connection: not a case's silence.
        try (RawConnection exchange = connect(Duration.ofSeconds(30))) {
            exchange.send(RawConnection.get(exchange.target(), "/" + ROUTE.id() + "/echo?msg=warm-up"));
            assertThat(exchange.readUntilSilent(1))
                    .singleElement()
                    .extracting(RawResponse::status)
                    .isEqualTo(200);
        }
    }

    @TestFactory
    Stream<DynamicTest> noCaseDesyncsTheGatewayOrReachesTheUpstreamTwice() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Corpora.SMUGGLING.cases();
        assertThat(lines).as("cases in " + Corpora.SMUGGLING.fileName()).hasSizeGreaterThan(50);
        AtomicInteger number = new AtomicInteger();
        Stream<DynamicTest> cases = lines.stream().map(json::readTree).map(c -> {
            int n = number.incrementAndGet();
            return DynamicTest.dynamicTest(
                    n + " " + c.path("technique").asString() + ": "
                            + c.path("name").asString(),
                    () -> check(n, c));
        });
        // Last, once late upstream requests had time to arrive: still at most one per case, none smuggled.
        return Stream.concat(cases, Stream.of(DynamicTest.dynamicTest("no case reached the upstream twice", () -> {
            Map<String, Long> perCase = UPSTREAM.requestLines().stream()
                    .collect(Collectors.groupingBy(SmugglingIT::caseOf, Collectors.counting()));
            assertThat(perCase)
                    .as("upstream requests per case (probes included under probe-N)")
                    .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));
            Files.write(VERDICTS, verdicts);
        })));
    }

    private void check(int n, JsonNode c) throws IOException {
        byte[] raw = routed(bytes(c), n);
        String expect = c.path("expect").asString();
        boolean mayWaitForBody = c.path("acceptable").toString().contains("incomplete");
        String probe = "GET /" + ROUTE.id() + "/echo?msg=probe-" + n + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (RawConnection exchange = connect(READ_TIMEOUT)) {
            exchange.send(raw);
            List<RawResponse> first = exchange.readUntilSilent(2);
            String context = "case " + n + " " + c.path("name").asString() + " (expect " + expect
                    + ")\nsent: "
                    + new String(raw, StandardCharsets.ISO_8859_1)
                            .replace("\r", "\\r")
                            .replace("\n", "\\n\n")
                    + "\ngot: " + first + "\nupstream saw: " + seen(n);
            assertThat(first).as("one answer to one request: " + context).hasSizeLessThanOrEqualTo(1);
            assertThat(seen(n))
                    .as("the upstream got at most the one intended request: " + context)
                    .hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(line -> assertThat(line).startsWith("POST /echo?case=" + n));
            boolean open = !exchange.closedByPeer();
            String probed = "-";
            if (open && !(first.isEmpty() && mayWaitForBody)) {
                // Whatever tail the case left behind must not prefix the next request on this connection.
                exchange.send(probe.getBytes(StandardCharsets.US_ASCII));
                List<RawResponse> next = exchange.readUntilSilent(1);
                probed = next.isEmpty()
                        ? "closed"
                        : Integer.toString(next.getFirst().status());
                if (!next.isEmpty()) {
                    assertThat(next.getFirst().status())
                            .as("probe status: " + context + "\nprobe got: " + next)
                            .isEqualTo(200);
                    assertThat(next.getFirst().bodyText())
                            .as("probe echo: " + context)
                            .isEqualTo("GET /echo?msg=probe-" + n + " HTTP/1.1");
                }
            }
            verdicts.add(String.join(
                    "\t",
                    Integer.toString(n),
                    c.path("technique").asString(),
                    expect,
                    first.isEmpty() ? "none" : Integer.toString(first.getFirst().status()),
                    open ? "open" : "closed",
                    "probe:" + probed,
                    "upstream:" + seen(n).size(),
                    c.path("name").asString()));
        }
    }

    private static List<String> seen(int n) {
        return UPSTREAM.requestLines().stream()
                .filter(l -> caseOf(l).equals("case=" + n))
                .toList();
    }

    /** The case marker of an upstream request line ({@code case=N} or {@code probe-N}). */
    static String caseOf(String requestLine) {
        Matcher m = MARKER.matcher(requestLine);
        return m.find() ? m.group(1) : "unmarked: " + requestLine;
    }

    /** The case's exact bytes: raw_b64 when present, else raw in its raw_encoding. */
    static byte[] bytes(JsonNode c) {
        if (c.hasNonNull("raw_b64")) {
            return Base64.getDecoder().decode(c.get("raw_b64").asString());
        }
        String encoding = c.path("raw_encoding").asString("latin-1");
        return c.get("raw")
                .asString()
                .getBytes(encoding.equalsIgnoreCase("utf-8") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /**
     * The corpus targets {@code /echo}; through the gateway that is {@code /<route>/echo}, and a
     * {@code case=N} query marks which case each upstream request belongs to.
     */
    static byte[] routed(byte[] raw, int n) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher target = REQUEST_TARGET.matcher(text);
        if (!target.find()) {
            throw new AssertionError("corpus case " + n + " does not start with a request to /echo: " + text);
        }
        String marked = target.group(2) == null
                ? "?case=" + n
                : "?case=" + n + "&" + target.group(2).substring(1);
        String rewritten = target.group(1) + "/" + ROUTE.id() + "/echo" + marked + text.substring(target.end());
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }
}
