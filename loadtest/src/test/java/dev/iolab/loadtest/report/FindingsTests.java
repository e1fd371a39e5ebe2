package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules behind each scenario's sentence and the summary matrix, on fixtures shaped like real rows. */
class FindingsTests {

    static ResultRow row(
            String target,
            String scenario,
            int users,
            double rps,
            double p99,
            Integer threads,
            List<String> flags,
            Map<String, Object> extra) {
        long requests = Math.round(rps * 30);
        return new ResultRow(
                target,
                scenario,
                "gatling",
                users,
                0,
                new ClientNumbers(requests, requests, 0, rps, p99 / 2, p99 * 0.8, p99, p99 * 1.2, p99 * 2, 30),
                new ServerNumbers(requests, 10.0, 10_000.0 / requests * 1000, 200.0, threads, 1.0, p99, 3L, 12.0),
                0.5,
                0.9,
                flags,
                null,
                extra);
    }

    static ResultRow row(
            String target, String scenario, int users, double rps, double p99, Integer threads, List<String> flags) {
        return row(target, scenario, users, rps, p99, threads, flags, Map.of());
    }

    @Test
    void mvcPlatformAtItsPoolCeilingInTheDelayScenarioIsTheFinding() {
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("mvc-platform", "delay", 400, 1960, 210, 221, List.of()),
                        row("webflux-epoll", "delay", 400, 3880, 104, 30, List.of())))
                .getFirst();
        assertThat(Findings.ceilingRps()).isEqualTo(2000);
        assertThat(Findings.sentence(m))
                .isEqualTo("mvc-platform sits at its ceiling of 200 threads / 100 ms "
                        + "= 2,000 req/s (measured 1,960) with 400 users waiting.");
    }

    @Test
    void noCeilingBelowThePoolSizeOrFarFromIt() {
        assertThat(Findings.poolCeiling(row("mvc-platform", "delay", 150, 1450, 103, 170, List.of())))
                .isEmpty();
        assertThat(Findings.poolCeiling(row("mvc-platform", "delay", 400, 1500, 260, 221, List.of())))
                .isEmpty();
        // a client-bound row is never a finding about the target
        assertThat(Findings.poolCeiling(row("mvc-platform", "delay", 400, 1990, 200, 221, List.of(Flags.CLIENT_BOUND))))
                .isEmpty();
    }

    @Test
    void clientBoundRowsAreNeverRankedNorTheLeader() {
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("plain-poll", "echo", 64, 19_000, 6, 20, List.of(Flags.CLIENT_BOUND)),
                        row("plain-epoll", "echo", 64, 17_500, 7, 20, List.of(Flags.CLIENT_BOUND)),
                        row("mvc-platform", "echo", 64, 9_000, 12, 90, List.of()),
                        row("webflux-epoll", "echo", 64, 12_000, 8, 30, List.of())))
                .getFirst();
        ScenarioMatrix.Cell pollRps = m.cells().get("plain-poll").getFirst();
        assertThat(pollRps.ratio()).isNull();
        assertThat(pollRps.best()).isFalse();
        ScenarioMatrix.Cell fluxRps = m.cells().get("webflux-epoll").getFirst();
        assertThat(fluxRps.best()).isTrue();
        assertThat(fluxRps.ratio()).isEqualTo(1.0);
        assertThat(m.cells().get("mvc-platform").getFirst().ratio()).isEqualTo(0.75);
        // p99: lower is better, the ratio is to the lowest ranked value
        assertThat(m.cells().get("mvc-platform").get(1).ratio()).isEqualTo(1.5);
        assertThat(m.clientBound()).extracting(ResultRow::target).containsExactly("plain-poll", "plain-epoll");
        assertThat(Findings.sentence(m))
                .isEqualTo("webflux-epoll leads throughput at 12,000 req/s, 1.33x mvc-platform (9,000 req/s); "
                        + "thread counts grow with the 64 connections on mvc-platform (90).");
    }

    @Test
    void rowsWhoseCountsDisagreeAreNeverRankedNorBest() {
        // the c10k run of 2026-12-03: plain-busypoll's server counted 803,087 requests, the client 2,495
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("plain-busypoll", "c10k", 1, 80, 43, 22, List.of(Flags.COUNT_MISMATCH)),
                        row("plain-epoll", "c10k", 1, 2_323, 4, 24, List.of()),
                        row("plain-blocking", "c10k", 1, 2_352, 5, 10_025, List.of())))
                .getFirst();
        assertThat(m.cells().get("plain-busypoll")).allSatisfy(c -> {
            assertThat(c.ratio()).isNull();
            assertThat(c.best()).isFalse();
        });
        assertThat(m.cells().get("plain-epoll").get(4).best()).isTrue();
        assertThat(Findings.sentence(ScenarioMatrix.of(
                                List.of(row("plain-busypoll", "echo", 64, 80, 43, 22, List.of(Flags.COUNT_MISMATCH))))
                        .getFirst()))
                .isEqualTo("No row measured a target (every row had errors or a server count that disagrees with the"
                        + " client's), so nothing is ranked.");
    }

    @Test
    void threadsAJvmRunsAnywayAreNotGrowth() {
        // a real quick run on a starved machine: mvc-platform ran 59 threads with 64 users, plain-epoll 23
        assertThat(Findings.threadsGrowWithConnections(List.of(
                        row("mvc-platform", "echo", 64, 23, 5206, 59, List.of()),
                        row("plain-epoll", "echo", 64, 711, 325, 23, List.of()))))
                .isEmpty();
        // plain-blocking: one thread per connection above what plain-epoll needs
        assertThat(Findings.threadsGrowWithConnections(List.of(
                        row("plain-blocking", "echo", 64, 9000, 9, 81, List.of()),
                        row("plain-epoll", "echo", 64, 9500, 8, 23, List.of()))))
                .contains("thread counts grow with the 64 connections on plain-blocking (81)");
    }

    @Test
    void everyRowClientBoundRanksNothing() {
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("plain-poll", "echo", 64, 19_000, 6, 20, List.of(Flags.CLIENT_BOUND)),
                        row("plain-epoll", "echo", 64, 17_500, 7, 20, List.of(Flags.CLIENT_BOUND))))
                .getFirst();
        assertThat(Findings.sentence(m))
                .isEqualTo("No row measured a target (the load generator limited every row), so nothing is ranked.");
        assertThat(m.cells().values())
                .allSatisfy(cells ->
                        assertThat(cells).allSatisfy(c -> assertThat(c.best()).isFalse()));
    }

    @Test
    void aLeadWithinTenPercentIsATie() {
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("plain-epoll", "files", 16, 1_000, 30, 20, List.of()),
                        row("plain-aio", "files", 16, 950, 31, 20, List.of()),
                        row("mvc-virtual", "files", 16, 600, 50, 40, List.of())))
                .getFirst();
        assertThat(Findings.sentence(m))
                .isEqualTo("plain-epoll, plain-aio are within 10% of each other in "
                        + "throughput (1,000 req/s at most): a tie on one run.");
    }

    @Test
    void c10kNamesTheThreadPerConnectionModel() {
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row(
                                "plain-blocking",
                                "c10k",
                                1,
                                200,
                                2,
                                10_014,
                                List.of(),
                                Map.of(
                                        "connections_held",
                                        10_000,
                                        "threads_holding",
                                        10_014,
                                        "threads_per_connection",
                                        1.0)),
                        row(
                                "plain-epoll",
                                "c10k",
                                1,
                                210,
                                2,
                                15,
                                List.of(),
                                Map.of(
                                        "connections_held",
                                        10_000,
                                        "threads_holding",
                                        15,
                                        "threads_per_connection",
                                        0.0))))
                .getFirst();
        assertThat(Findings.sentence(m))
                .isEqualTo("plain-blocking holds about one thread per connection "
                        + "(10,014 threads for 10,000 connections), while plain-epoll holds them with 15 threads.");
    }

    @Test
    void bestWithinTheResolutionIsSharedAndRatiosUseTheResolution() {
        // Gatling resolves whole ms: p99 of 0 and 1 ms are one value, both the best
        ScenarioMatrix m = ScenarioMatrix.of(List.of(
                        row("plain-epoll", "echo", 64, 1_000, 0, 20, List.of()),
                        row("plain-aio", "echo", 64, 1_000, 1, 20, List.of()),
                        row("mvc-virtual", "echo", 64, 1_000, 4, 40, List.of())))
                .getFirst();
        assertThat(m.cells().get("plain-epoll").get(1).best()).isTrue();
        assertThat(m.cells().get("plain-aio").get(1).best()).isTrue();
        assertThat(m.cells().get("mvc-virtual").get(1).ratio()).isEqualTo(4.0);
    }

    @Test
    void sweepsGetOneMatrixPerConcurrency() {
        List<ScenarioMatrix> ms = ScenarioMatrix.of(List.of(
                row("plain-epoll", "echo", 100, 1_000, 3, 20, List.of()),
                row("plain-epoll", "echo", 500, 1_200, 9, 20, List.of()),
                row("mvc-virtual", "echo", 100, 900, 4, 40, List.of()),
                row("mvc-virtual", "echo", 500, 950, 12, 40, List.of())));
        assertThat(ms).extracting(ScenarioMatrix::title).containsExactly("echo at 100 users", "echo at 500 users");
    }

    @Test
    void clientBoundRowsGetTheExactWrkCommandOrWhyNot() {
        assertThat(Findings.measureClientBound("echo", 64, List.of("plain-poll", "plain-epoll")))
                .isEqualTo(
                        "./iolab compare --engine wrk --targets plain-poll,plain-epoll --scenarios echo --concurrency 64");
        assertThat(Findings.measureClientBound("upload", 16, List.of("plain-epoll")))
                .startsWith("wrk cannot drive upload");
        // the command parses as compare options: the flags are real
        var options = dev.iolab.loadtest.runner.CompareOptions.parse(
                "--engine", "wrk", "--targets", "plain-poll,plain-epoll", "--scenarios", "echo", "--concurrency", "64");
        assertThat(options.engine()).isEqualTo("wrk");
        assertThat(options.concurrency()).containsExactly(64);
    }
}
