package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves the suite reports what it should: it fails a wrong server, passes a right one, and never passes on nothing. */
class SuiteCanFailTests {

    private HttpServer server;
    private String url;

    @BeforeEach
    void startTinyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Right: health as the contract wants it.
        server.createContext(
                "/actuator/health", exchange -> reply(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        // Wrong: /delay answers at once and accepts any ms.
        server.createContext("/delay", exchange -> reply(exchange, 200, "text/plain", "ok"));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty(ConfiguredTargets.URL);
        System.clearProperty(ConfiguredTargets.TARGET);
    }

    @Test
    void aWrongServerFailsWithTheResponseInTheMessage() {
        Run run = cli(url, "--target", "mvc-virtual", "--only", "DelayConformanceIT");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output)
                .contains("FAIL  delay: answers 200 text/plain \"ok\" after at least N ms")
                .contains("FAIL  delay: rejects a non-integer, negative, too large or missing ms with 400")
                .contains("FAIL  delay: refuses signs, exponents, spaces, double encoding and huge values with 400")
                // the server answers 200 ok to everything, which is right for ms=000001 and ms=%31
                .contains("PASS  delay: reads ms after one percent-decoding as 1*DIGIT")
                .contains("4 rules: 1 passed, 3 failed, 0 not applicable")
                .containsIgnoringCase("x-io-model: mvc-virtual"); // the response itself is shown in the details
    }

    @Test
    void aRightServerPasses() {
        Run run = cli(url, "--target", "mvc-virtual", "--only", "HealthConformanceIT");
        assertThat(run.output)
                .contains("PASS  health: health, liveness and readiness are 200 JSON with status UP")
                .contains("1 rules: 1 passed, 0 failed");
        assertThat(run.exit).isZero();
    }

    @Test
    void theWrongTargetIdFails() {
        Run run = cli(url, "--target", "mvc-platform", "--only", "HealthConformanceIT");
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.output).contains("FAIL  health:").contains("X-IO-Model");
    }

    @Test
    void shutdownIsNotApplicableInUrlModeNotPassed() {
        Run run = cli(url, "--target", "mvc-virtual", "--only", "ShutdownConformanceIT");
        assertThat(run.output).contains("N/A   graceful shutdown:").contains("0 passed, 0 failed, 1 not applicable");
        assertThat(run.exit).as("nothing passed, so the run is not a success").isEqualTo(1);
    }

    @Test
    void withoutAnyTargetEveryRuleFailsSayingHowToConfigureOne() {
        System.clearProperty(ConfiguredTargets.URL);
        System.clearProperty(ConfiguredTargets.TARGETS);
        RuleResults results = new RuleResults();
        ConformanceCli.execute(List.of("HealthConformanceIT"), results);
        assertThat(results.results()).isNotEmpty().allMatch(r -> r.outcome() == RuleResults.Outcome.FAIL);
        assertThat(results.results().getFirst().reason()).contains("No conformance target configured");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli().exit).isEqualTo(2);
        assertThat(cli(url).exit).isEqualTo(2);
        assertThat(cli(url, "--target", "no-such-target").exit).isEqualTo(2);
        assertThat(cli("ftp://x", "--target", "mvc-virtual").exit).isEqualTo(2);
        assertThat(cli(url, "--target", "mvc-virtual", "--bogus").exit).isEqualTo(2);
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-IO-Model", "mvc-virtual");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Run(int exit, String output) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = ConformanceCli.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    }
}
