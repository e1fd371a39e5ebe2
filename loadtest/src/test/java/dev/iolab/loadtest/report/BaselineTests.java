package dev.iolab.loadtest.report;

import static dev.iolab.loadtest.report.FindingsTests.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an earlier run's folder back, and matching its rows with this run's. */
class BaselineTests {

    static Repeats twoRounds(double scale) {
        return Repeats.of(List.of(
                List.of(
                        row("plain-epoll", "echo", 64, 10000 * scale, 10, 15, List.of()),
                        row("webflux-epoll", "echo", 64, 8000, 12, 30, List.of())),
                List.of(
                        row("plain-epoll", "echo", 64, 10200 * scale, 11, 15, List.of()),
                        row("webflux-epoll", "echo", 64, 8100, 12, 30, List.of()))));
    }

    @Test
    void readsEachRowsRoundsFromARepeatedRun(@TempDir Path results) throws Exception {
        Path dir = results.resolve("20260101-000000");
        ReportWriter.write(dir, ReportWriterTests.run(), twoRounds(1), java.util.Map.of(), null);

        Baseline b = Baseline.read(dir);
        assertThat(b.id()).isEqualTo("20260101-000000");
        assertThat(b.rounds()).isEqualTo(2);
        assertThat(b.rows()).containsOnlyKeys("plain-epoll/echo/64", "webflux-epoll/echo/64");
        Spread rps = b.rows().get("plain-epoll/echo/64").get("throughput_rps");
        assertThat(rps.values()).containsExactly(10000.0, 10200.0);
        assertThat(rps.median()).isEqualTo(10100.0);
        assertThat(b.rows().get("plain-epoll/echo/64").get("latency_ms/p99").values())
                .containsExactly(10.0, 11.0);
    }

    @Test
    void aSingleRunOrAnOlderFileGivesOneValuePerNumber(@TempDir Path results) throws Exception {
        Path dir = results.resolve("old");
        Files.createDirectories(dir);
        // the shape of a comparison.json written before --repeat: no "repeats" in the rows
        Files.writeString(dir.resolve("comparison.json"), """
                {"run": {"id": "20251201-120000"}, "results": [
                  {"target": "plain-epoll", "scenario": "echo", "users": 64, "throughput_rps": 9000.5,
                   "latency_ms": {"p50": 3, "p99": 9}, "server": {"threads_peak": 15, "rss_peak_mb": null}}
                ]}
                """);
        Baseline b = Baseline.read(dir);
        assertThat(b.id()).isEqualTo("20251201-120000");
        assertThat(b.rounds()).isEqualTo(1);
        var row = b.rows().get("plain-epoll/echo/64");
        assertThat(row.get("throughput_rps").values()).containsExactly(9000.5);
        assertThat(row.get("server/threads_peak").median()).isEqualTo(15.0);
        assertThat(row.get("server/rss_peak_mb").median()).isNull();
        assertThat(row.get("throughput_rps").hasSpread()).isFalse();
    }

    @Test
    void aMissingOrInvalidRunSaysWhatIsWrong(@TempDir Path results) throws Exception {
        assertThatThrownBy(() -> Baseline.read(results.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such run directory");
        Path empty = Files.createDirectories(results.resolve("empty"));
        assertThatThrownBy(() -> Baseline.read(empty)).hasMessageContaining("no comparison.json there");
        Path broken = Files.createDirectories(results.resolve("broken"));
        Files.writeString(broken.resolve("comparison.json"), "{\"results\": [");
        assertThatThrownBy(() -> Baseline.read(broken)).hasMessageContaining("not readable as JSON");
        Path other = Files.createDirectories(results.resolve("other"));
        Files.writeString(other.resolve("comparison.json"), "{\"simulations\": []}");
        assertThatThrownBy(() -> Baseline.read(other)).hasMessageContaining("no \"results\" array");
        Path rowless = Files.createDirectories(results.resolve("rowless"));
        Files.writeString(rowless.resolve("comparison.json"), "{\"results\": [{\"users\": 1}]}");
        assertThatThrownBy(() -> Baseline.read(rowless)).hasMessageContaining("without target or scenario");
    }

    @Test
    void rowsOnlyOneSideHasAreListedNotCompared(@TempDir Path results) throws Exception {
        Path dir = results.resolve("base");
        ReportWriter.write(dir, ReportWriterTests.run(), twoRounds(1), java.util.Map.of(), null);
        Repeats now = Repeats.of(List.of(
                List.of(
                        row("plain-epoll", "echo", 64, 12000, 10, 15, List.of()),
                        row("mvc-virtual", "echo", 64, 7000, 14, 40, List.of())),
                List.of(
                        row("plain-epoll", "echo", 64, 12100, 10, 15, List.of()),
                        row("mvc-virtual", "echo", 64, 7100, 14, 40, List.of()))));

        BaselineDiff diff = BaselineDiff.of(Baseline.read(dir), now);
        assertThat(diff.rows()).extracting(BaselineDiff.RowChanges::key).containsExactly("plain-epoll/echo/64");
        assertThat(diff.onlyInBaseline()).containsExactly("webflux-epoll/echo/64");
        assertThat(diff.onlyInThisRun()).containsExactly("mvc-virtual/echo/64");
        Change rps = diff.rows().getFirst().changes().get("throughput_rps");
        assertThat(rps.verdict()).isEqualTo(Change.Verdict.REAL);
        assertThat(rps.baseline()).isEqualTo(10100.0);
        assertThat(rps.now()).isEqualTo(12050.0);
        assertThat(diff.rows().getFirst().changes().get("server/threads_peak").verdict())
                .as("15 threads both times, no spread: no change at all")
                .isEqualTo(Change.Verdict.WITHIN_NOISE);
        assertThat(diff.counts().get(Change.Verdict.REAL)).isPositive();
    }
}
