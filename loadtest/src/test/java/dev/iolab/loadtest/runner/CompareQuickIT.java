package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.contract.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./iolab compare --quick} end to end, as a user runs it: the launcher script, real target JVMs built
 * earlier in the reactor, Gatling, the report; then the JSON is checked row by row.
 */
class CompareQuickIT {

    private static final Path ROOT = Path.of(System.getProperty("iolab.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void quickCompareWritesOneAgreeingRowPerTargetAndScenario() throws Exception {
        // kept under target/ (not a temp dir) so that a failure leaves the targets' logs to read
        Path results = Path.of("target", "compare-it-results").toAbsolutePath();
        Files.createDirectories(results);
        List<String> targets = new ArrayList<>();
        for (String id : System.getProperty("iolab.compare.it.targets", String.join(",", CompareOptions.QUICK_TARGETS)).split(",")) {
            Target target = Target.byId(id).orElseThrow();
            if (Files.isRegularFile(target.module().jar(ROOT))) {
                targets.add(id);
            } else {
                // said loudly, never skipped silently: the run goes on with the targets that exist
                System.err.println("CompareQuickIT: " + id + " left out: " + target.module().jar(ROOT) + " is not built");
            }
        }
        assertThat(targets).as("targets with a built jar among mvc-platform, webflux-epoll, plain-epoll").hasSizeGreaterThanOrEqualTo(2);

        Path log = results.resolve("compare.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bash", ROOT.resolve("iolab").toString(), "compare", "--quick",
                "--targets", String.join(",", targets), "--results", results.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("quick compare finished within 6 minutes").isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).as("every target measured (logs in %s)", results).doesNotContain("not measured");
        System.out.printf("CompareQuickIT: %d targets in %.0f s%n", targets.size(), (System.nanoTime() - start) / 1e9);

        Path latest = results.resolve("latest");
        assertThat(latest).isSymbolicLink();
        for (String file : List.of("comparison.json", "comparison.md", "index.html", "charts/throughput.svg")) {
            assertThat(latest.resolve(file)).isRegularFile();
        }
        JsonNode json = new ObjectMapper().readTree(latest.resolve("comparison.json").toFile());
        assertThat(json.at("/run/pinning/note").asText()).isNotBlank();
        assertThat(json.at("/run/jdk").asText()).contains("25");
        JsonNode rows = json.get("results");
        assertThat(rows).hasSize(targets.size() * CompareOptions.QUICK_SCENARIOS.size());
        for (JsonNode row : rows) {
            String what = row.get("target").asText() + " " + row.get("scenario").asText() + ": " + row;
            assertThat(row.get("throughput_rps").asDouble()).as(what).isPositive();
            assertThat(row.get("ok").asLong()).as(what).isPositive();
            long client = row.get("requests").asLong();
            long server = row.at("/server/requests").asLong();
            assertThat(Math.abs(client - server)).as("client and server counts agree within 1%%: " + what)
                    .isLessThanOrEqualTo(client / 100);
            assertThat(row.get("flags").toString()).as(what).doesNotContain("count-mismatch", "errors");
            assertThat(row.at("/server/cpu_ms_per_1k_requests").isNumber()).as(what).isTrue();
            assertThat(latest.resolve(row.get("gatling_report").asText())).as(what).isRegularFile();
        }
        assertThat(rows.findValuesAsText("target")).containsAll(targets);
    }
}
