package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTests {

    @Test
    void oddRoundsTakeTheMiddleValueAndTheRangeIsMinToMax() {
        Spread s = Spread.of(List.of(1030.0, 980.0, 1000.0));
        assertThat(s.median()).isEqualTo(1000.0);
        assertThat(s.min()).isEqualTo(980.0);
        assertThat(s.max()).isEqualTo(1030.0);
        assertThat(s.width()).isEqualTo(50.0);
        assertThat(s.percent()).isCloseTo(5.0, within(1e-9));
        assertThat(s.rounds()).isEqualTo(3);
        assertThat(s.hasSpread()).isTrue();
        assertThat(s.values()).as("kept in round order").containsExactly(1030.0, 980.0, 1000.0);
    }

    @Test
    void evenRoundsTakeTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
        assertThat(Spread.of(List.of(10.0, 20.0)).median()).isEqualTo(15.0);
    }

    @Test
    void aRoundThatDidNotMeasureIsLeftOutButKeptInPlace() {
        Spread s = Spread.of(Arrays.asList(10.0, null, 14.0));
        assertThat(s.median()).isEqualTo(12.0);
        assertThat(s.rounds()).isEqualTo(2);
        assertThat(s.values()).containsExactly(10.0, null, 14.0);
    }

    @Test
    void oneValueHasNoSpreadAndNoValueHasNoMedian() {
        Spread one = Spread.of(List.of(7.0));
        assertThat(one.median()).isEqualTo(7.0);
        assertThat(one.width()).isZero();
        assertThat(one.hasSpread()).isFalse();
        Spread none = Spread.of(Arrays.asList(null, null));
        assertThat(none.median()).isNull();
        assertThat(none.width()).isNull();
        assertThat(none.percent()).isNull();
        assertThat(none.hasSpread()).isFalse();
        assertThat(Spread.of(List.of(0.0, 0.0)).percent())
                .as("no percent of a zero median")
                .isNull();
    }
}
