package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.conformance.tools.RequiredTool;
import dev.iolab.contract.Target;
import dev.iolab.loadtest.anatomy.StracePass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./iolab compare --quick --syscalls} end to end, as a user runs it: the launcher script, real target JVMs
 * built earlier in the reactor, Gatling, strace, the report; then the JSON is checked row by row. One run serves
 * both tests: without strace on the PATH it runs without {@code --syscalls} and only the syscall test skips (fails
 * under CI=true).
 */
class CompareQuickIT {

    private static final Path ROOT = Path.of(System.getProperty("iolab.repo.root", ".."))
            .toAbsolutePath()
            .normalize();

    private static List<String> targets;
    private static Path latest;
    private static JsonNode rows;
    private static JsonNode report;
    private static String output;
    private static boolean withSyscalls;

    @BeforeAll
    static void runQuickCompare() throws Exception {
        // kept under target/ (not a temp dir) so that a failure leaves the targets' logs to read
        Path results = Path.of("target", "compare-it-results").toAbsolutePath();
        Files.createDirectories(results);
        targets = new ArrayList<>();
        for (String id : System.getProperty("iolab.compare.it.targets", String.join(",", CompareOptions.QUICK_TARGETS))
                .split(",")) {
            Target target = Target.byId(id).orElseThrow();
            if (Files.isRegularFile(target.module().jar(ROOT))) {
                targets.add(id);
            } else {
                // said loudly, never skipped silently: the run goes on with the targets that exist
                System.err.println("CompareQuickIT: " + id + " left out: "
                        + target.module().jar(ROOT) + " is not built");
            }
        }
        assertThat(targets)
                .as("targets with a built jar among mvc-platform, webflux-epoll, plain-epoll")
                .hasSizeGreaterThanOrEqualTo(2);

        // a baseline from no real run: one row this run also has, one it lacks; checks --baseline end to end for free
        Path baseline = Path.of("target", "compare-it-baseline").toAbsolutePath();
        Files.createDirectories(baseline);
        Files.writeString(baseline.resolve("comparison.json"), """
                {"run": {"id": "it-fixture"}, "results": [
                  {"target": "%s", "scenario": "echo", "users": 64, "throughput_rps": 1.0},
                  {"target": "gone", "scenario": "echo", "users": 64, "throughput_rps": 1.0}]}
                """.formatted(targets.getFirst()));

        withSyscalls = StracePass.available();
        List<String> cmd = new ArrayList<>(List.of(
                "bash",
                ROOT.resolve("iolab").toString(),
                "compare",
                "--quick",
                "--targets",
                String.join(",", targets),
                "--results",
                results.toString(),
                "--baseline",
                baseline.toString()));
        if (withSyscalls) {
            cmd.add("--syscalls"); // a separate 2 s run per row under strace (--quick's --syscalls-duration)
        }
        Path log = results.resolve("compare.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroyForcibly();
        }
        output = Files.readString(log);
        System.out.println(output);
        assertThat(finished)
                .as("quick compare finished within 10 minutes (a hang guard: about 3 minutes on a quiet 2-CPU machine)")
                .isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).as("every target measured (logs in %s)", results).doesNotContain("not measured");
        System.out.printf("CompareQuickIT: %d targets in %.0f s%n", targets.size(), (System.nanoTime() - start) / 1e9);

        latest = results.resolve("latest");
        JsonNode json =
                new ObjectMapper().readTree(latest.resolve("comparison.json").toFile());
        assertThat(json.at("/run/pinning/note").asText()).isNotBlank();
        assertThat(json.at("/run/jdk").asText()).contains("25");
        rows = json.get("results");
        report = json;
    }

    @Test
    void quickCompareWritesOneAgreeingRowPerTargetAndScenario() throws Exception {
        assertThat(latest).isSymbolicLink();
        for (String file : List.of("comparison.json", "comparison.md", "index.html", "charts/throughput.svg")) {
            assertThat(latest.resolve(file)).isRegularFile();
        }
        assertThat(rows).hasSize(targets.size() * CompareOptions.QUICK_SCENARIOS.size());
        for (JsonNode row : rows) {
            String what = row.get("target").asText() + " " + row.get("scenario").asText() + ": " + row;
            assertThat(row.get("throughput_rps").asDouble()).as(what).isPositive();
            assertThat(row.get("ok").asLong()).as(what).isPositive();
            long client = row.get("requests").asLong();
            long server = row.at("/server/requests").asLong();
            assertThat(Math.abs(client - server))
                    .as("client and server counts agree within 1%%: " + what)
                    .isLessThanOrEqualTo(client / 100);
            assertThat(row.get("flags").toString()).as(what).doesNotContain("count-mismatch", "errors");
            assertThat(row.at("/server/cpu_ms_per_1k_requests").isNumber())
                    .as(what)
                    .isTrue();
            assertThat(latest.resolve(row.get("gatling_report").asText()))
                    .as(what)
                    .isRegularFile();
        }
        assertThat(rows.findValuesAsText("target")).containsAll(targets);
    }

    @Test
    void everyRowCarriesHowTheTargetWaited() throws Exception {
        for (JsonNode row : rows) {
            String what = row.get("target").asText() + " " + row.get("scenario").asText() + ": " + row.get("anatomy");
            JsonNode a = row.get("anatomy");
            assertThat(a.get("note").isNull()).as(what).isTrue();
            assertThat(a.at("/requests").asLong())
                    .as(what)
                    .isEqualTo(row.at("/server/requests").asLong());
            assertThat(a.at("/context_switches_per_request/voluntary").isNumber())
                    .as(what)
                    .isTrue();
            assertThat(a.at("/context_switches_per_request/involuntary").isNumber())
                    .as(what)
                    .isTrue();
            assertThat(a.at("/threads_sampled/samples").asInt()).as(what).isPositive();
            assertThat(a.at("/threads_sampled/total_avg").asDouble()).as(what).isPositive();
            assertThat(a.at("/threads_sampled/runnable_avg").isNumber())
                    .as(what)
                    .isTrue();
            assertThat(a.at("/threads_sampled/sleeping_avg").isNumber())
                    .as(what)
                    .isTrue();
            for (String io : List.of("read_bytes", "write_bytes", "read_calls", "write_calls")) {
                assertThat(a.at("/io_per_request/" + io).isNumber())
                        .as(io + " " + what)
                        .isTrue();
            }
            assertThat(a.at("/idle/seconds").asDouble()).as(what).isGreaterThanOrEqualTo(1);
            assertThat(a.at("/idle/cpu_cores").isNumber()).as(what).isTrue();
            assertThat(a.at("/idle/context_switches_per_s").isNumber()).as(what).isTrue();
            assertThat(a.at("/idle/runnable_threads_avg").isNumber()).as(what).isTrue();
            if (row.get("scenario").asText().equals("echo")
                    && CompareOptions.QUICK_TARGETS.contains(row.get("target").asText())) {
                // a 64 KiB body every other request crosses through calls rchar/wchar count: the JDK's sockets read and
                // write with read(2)/write(2); Netty reads with recvfrom (not counted) but writes with writev
                assertThat(a.at("/io_per_request/read_bytes").asDouble()
                                + a.at("/io_per_request/write_bytes").asDouble())
                        .as(what)
                        .isGreaterThan(16 * 1024);
                assertThat(a.at("/context_switches_per_request/voluntary").asDouble())
                        .as(what)
                        .isPositive();
            }
        }
        String html = Files.readString(latest.resolve("index.html"));
        assertThat(html).contains("How each model waits");
        assertThat(Files.readString(latest.resolve("comparison.md"))).contains("## How each model waits");
    }

    @Test
    void withSyscallsEveryRowCarriesSystemCallsByName() {
        RequiredTool.onPath("apt-get install strace (./iolab verify does)", "strace");
        assertThat(withSyscalls).isTrue();
        for (JsonNode row : rows) {
            JsonNode s = row.at("/anatomy/syscalls");
            String what = row.get("target").asText() + " " + row.get("scenario").asText() + ": " + s;
            assertThat(s.isObject()).as(what).isTrue();
            assertThat(s.get("error").isNull()).as(what).isTrue();
            assertThat(s.get("requests").asLong()).as(what).isPositive();
            assertThat(s.get("total_per_request").asDouble()).as(what).isPositive();
            assertThat(s.get("per_request").size()).as(what).isPositive();
            assertThat(s.get("separate_run").asText()).as(what).contains("strace");
        }
    }

    @Test
    void oneRoundAgainstABaselineGivesUnknownVerdictsAndListsTheRowsOneSideLacks() throws Exception {
        assertThat(report.at("/run/rounds").asInt()).isEqualTo(1);
        assertThat(report.at("/run/measurement_of_record").asText()).startsWith("no:");
        JsonNode b = report.get("baseline");
        assertThat(b.get("id").asText()).isEqualTo("it-fixture");
        assertThat(b.at("/rows/0/target").asText()).isEqualTo(targets.getFirst());
        assertThat(b.at("/rows/0/metrics/throughput_rps/verdict").asText())
                .as("single runs: no spread, no real change")
                .isEqualTo("unknown");
        assertThat(b.get("only_in_baseline").toString()).isEqualTo("[\"gone/echo/64\"]");
        assertThat(b.get("only_in_this_run")).hasSize(rows.size() - 1);
        assertThat(Files.readString(latest.resolve("index.html")))
                .contains("<h2>Against the baseline run it-fixture</h2>", "<b>A single run:</b>");
        assertThat(output).contains("Against baseline it-fixture");
    }
}
