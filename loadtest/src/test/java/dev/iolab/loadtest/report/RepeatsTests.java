package dev.iolab.loadtest.report;

import static dev.iolab.loadtest.report.FindingsTests.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTests {

    @Test
    void eachRowIsTheMedianOfItsRoundsWithTheSpreadOfEveryNumber() {
        Repeats r = Repeats.of(List.of(
                List.of(row("plain-epoll", "echo", 64, 9000, 12, 15, List.of())),
                List.of(row("plain-epoll", "echo", 64, 10000, 10, 15, List.of())),
                List.of(row("plain-epoll", "echo", 64, 12000, 30, 17, List.of()))));
        assertThat(r.rounds()).isEqualTo(3);
        ResultRow median = r.rows().getFirst();
        assertThat(median.client().throughputRps()).isEqualTo(10000);
        assertThat(median.client().p99()).isEqualTo(12);
        assertThat(median.server().threadsPeak()).isEqualTo(15);
        Spread rps = r.spread(median, "throughput_rps");
        assertThat(rps.values()).containsExactly(9000.0, 10000.0, 12000.0);
        assertThat(List.of(rps.min(), rps.max())).containsExactly(9000.0, 12000.0);
        Spread p99 = r.spread(median, "latency_ms/p99");
        assertThat(List.of(p99.median(), p99.min(), p99.max())).containsExactly(12.0, 10.0, 30.0);
        assertThat(r.spreads().get(Repeats.key(median)))
                .containsOnlyKeys(Measure.ALL.stream().map(Measure::key).toList());
        assertThat(r.representativeRound(median))
                .as("the round whose throughput is the median shows its report and figures")
                .isEqualTo(2);
    }

    @Test
    void aFlagRaisedInAnyRoundStaysOnTheRow() {
        Repeats r = Repeats.of(List.of(
                List.of(row("plain-epoll", "echo", 64, 15000, 5, 15, List.of(Flags.CLIENT_BOUND))),
                List.of(row("plain-epoll", "echo", 64, 16000, 5, 15, List.of()))));
        assertThat(r.rows().getFirst().flags()).containsExactly(Flags.CLIENT_BOUND);
    }

    @Test
    void aRowMissingFromARoundIsMedianOfTheRoundsThatHaveIt() {
        Repeats r = Repeats.of(List.of(
                List.of(row("a", "echo", 64, 100, 5, 10, List.of()), row("b", "echo", 64, 200, 5, 10, List.of())),
                List.of(row("a", "echo", 64, 120, 5, 10, List.of()))));
        assertThat(r.rows()).extracting(ResultRow::target).containsExactly("a", "b");
        ResultRow b = r.rows().get(1);
        assertThat(b.client().throughputRps()).isEqualTo(200);
        assertThat(r.spread(b, "throughput_rps").values()).containsExactly(200.0, null);
        assertThat(r.spread(b, "throughput_rps").hasSpread()).isFalse();
        assertThat(r.rows().getFirst().client().throughputRps()).isEqualTo(110);
    }

    @Test
    void aSingleRunKeepsItsRowsAsTheyAre() {
        ResultRow only = row("a", "delay", 400, 1960, 210, 221, List.of());
        Repeats r = Repeats.single(List.of(only));
        assertThat(r.rounds()).isEqualTo(1);
        assertThat(r.rows()).containsExactly(only);
        assertThat(r.spread(only, "throughput_rps").hasSpread()).isFalse();
    }
}
