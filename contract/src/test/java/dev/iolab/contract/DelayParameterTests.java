package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one {@code /delay?ms=} grammar: 1*DIGIT after one percent-decoding, 0..MAX_DELAY_MS. */
class DelayParameterTests {

    @Test
    void plainDigitsInRangeAreTheDelay() {
        assertThat(DelayParameter.millis("ms=0")).isZero();
        assertThat(DelayParameter.millis("ms=300")).isEqualTo(300);
        assertThat(DelayParameter.millis("ms=" + Limits.MAX_DELAY_MS)).isEqualTo(Limits.MAX_DELAY_MS);
    }

    @Test
    void leadingZerosAreAllowed() {
        assertThat(DelayParameter.millis("ms=000001")).isEqualTo(1);
        assertThat(DelayParameter.millis("ms=" + "0".repeat(100) + "7")).isEqualTo(7);
    }

    @Test
    void valueIsDecodedOnceBeforeTheGrammar() {
        assertThat(DelayParameter.millis("ms=%31")).isEqualTo(1);
        assertThat(DelayParameter.millis("ms=%2531")).isEqualTo(DelayParameter.INVALID); // "%31" after one decoding
        assertThat(DelayParameter.millis("ms=%zz")).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("ms=%3")).isEqualTo(DelayParameter.INVALID);
    }

    @Test
    void signsSpacesAndOtherNotationsAreRefused() {
        for (String value :
                new String[] {"%2B1", "+1", "-1", "%2D1", "1e3", "1.5", "0x10", " 1", "1 ", "%201", "abc", "１"}) {
            assertThat(DelayParameter.millis("ms=" + value)).as(value).isEqualTo(DelayParameter.INVALID);
        }
    }

    @Test
    void outOfRangeAndHugeValuesAreRefusedWithoutOverflow() {
        assertThat(DelayParameter.millis("ms=" + (Limits.MAX_DELAY_MS + 1))).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("ms=99999999999")).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("ms=4294967297"))
                .isEqualTo(DelayParameter.INVALID); // 2^32 + 1 wraps to 1 in an int
        assertThat(DelayParameter.millis("ms=" + "9".repeat(1000))).isEqualTo(DelayParameter.INVALID);
    }

    @Test
    void missingOrEmptyIsRefused() {
        assertThat(DelayParameter.millis(null)).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("")).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("ms=")).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("ms")).isEqualTo(DelayParameter.INVALID);
        assertThat(DelayParameter.millis("mss=1")).isEqualTo(DelayParameter.INVALID);
    }

    @Test
    void theFirstValueCounts() {
        assertThat(DelayParameter.millis("x=1&ms=5&ms=abc")).isEqualTo(5);
        assertThat(DelayParameter.millis("ms=abc&ms=5")).isEqualTo(DelayParameter.INVALID);
    }
}
