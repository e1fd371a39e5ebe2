package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rules of a run against its baseline: real, within noise, unknown. */
class ChangeTests {

    static final Measure THROUGHPUT = Measure.byKey("throughput_rps");
    static final Measure P99 = Measure.byKey("latency_ms/p99");

    static Spread rounds(Double... values) {
        return Spread.of(Arrays.asList(values));
    }

    @Test
    void aDifferenceLargerThanBothSpreadsIsRealAndSaysWhichWay() {
        Change c = Change.of(THROUGHPUT, rounds(1000.0, 1020.0, 990.0), rounds(1200.0, 1180.0, 1210.0));
        assertThat(c.verdict()).isEqualTo(Change.Verdict.REAL);
        assertThat(c.ratio()).isEqualTo(1.2);
        assertThat(c.percent()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.reason()).startsWith("better");
        assertThat(c.better(THROUGHPUT)).isTrue();

        Change slower = Change.of(P99, rounds(10.0, 11.0, 10.0), rounds(20.0, 21.0, 19.0));
        assertThat(slower.verdict()).isEqualTo(Change.Verdict.REAL);
        assertThat(slower.better(P99)).as("a higher p99 is worse").isFalse();
        assertThat(BaselineSection.cell(P99, slower)).isEqualTo("+100.0% real, worse");
    }

    @Test
    void aDifferenceInsideEitherRunsSpreadIsNoise() {
        // medians 1000 -> 1050: 50 apart, but this run's rounds spread over 100
        Change wide = Change.of(THROUGHPUT, rounds(990.0, 1000.0, 1010.0), rounds(1000.0, 1050.0, 1100.0));
        assertThat(wide.verdict()).isEqualTo(Change.Verdict.WITHIN_NOISE);
        // the same 50, now inside the baseline's spread
        Change base = Change.of(THROUGHPUT, rounds(950.0, 1000.0, 1060.0), rounds(1049.0, 1050.0, 1051.0));
        assertThat(base.verdict()).isEqualTo(Change.Verdict.WITHIN_NOISE);
        // exactly the spread is not more than it
        assertThat(Change.of(THROUGHPUT, rounds(990.0, 1010.0), rounds(1010.0, 1030.0))
                        .verdict())
                .isEqualTo(Change.Verdict.WITHIN_NOISE);
        assertThat(BaselineSection.cell(THROUGHPUT, wide)).isEqualTo("+5.0% within noise");
    }

    @Test
    void aSingleRunOnEitherSideIsUnknownNeverReal() {
        // a doubling, but the baseline ran once: nothing says how noisy it was
        Change once = Change.of(THROUGHPUT, rounds(1000.0), rounds(2000.0, 2010.0, 1990.0));
        assertThat(once.verdict()).isEqualTo(Change.Verdict.UNKNOWN);
        assertThat(once.reason()).contains("not a measurement", "the baseline is a single run");
        assertThat(once.ratio()).as("the change itself is still given").isEqualTo(2.0);
        Change now = Change.of(THROUGHPUT, rounds(1000.0, 1001.0), rounds(2000.0));
        assertThat(now.verdict()).isEqualTo(Change.Verdict.UNKNOWN);
        assertThat(now.reason()).contains("this run is a single run");
        // a round that did not measure does not count as a round
        assertThat(Change.of(THROUGHPUT, rounds(1000.0, null), rounds(2000.0, 2001.0))
                        .verdict())
                .isEqualTo(Change.Verdict.UNKNOWN);
    }

    @Test
    void aNumberOneSideLacksIsUnknownWithoutARatio() {
        Change c = Change.of(Measure.byKey("server/threads_peak"), rounds(null, null), rounds(40.0, 40.0));
        assertThat(c.verdict()).isEqualTo(Change.Verdict.UNKNOWN);
        assertThat(c.ratio()).isNull();
        assertThat(c.reason()).isEqualTo("not measured in the baseline");
        assertThat(Change.of(THROUGHPUT, rounds(0.0, 0.0), rounds(5.0, 5.0)).ratio())
                .as("no ratio to zero")
                .isNull();
        assertThat(Change.of(THROUGHPUT, null, rounds(5.0, 5.0)).verdict()).isEqualTo(Change.Verdict.UNKNOWN);
        assertThat(List.of(Change.Verdict.values()))
                .extracting(Change.Verdict::label)
                .containsExactly("real", "within noise", "unknown");
    }
}
