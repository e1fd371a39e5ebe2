package dev.iolab.plain.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Dates are IMF-fixdate (RFC 9110 §5.6.7): fixed width, two-digit day, GMT. */
class HttpDateTests {

    @Test
    void formatsTheRfcExample() {
        assertThat(HttpDate.format(Instant.parse("1994-11-06T08:49:37Z").toEpochMilli()))
                .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void singleDigitDaysArePaddedToTwoDigits() {
        assertThat(HttpDate.format(Instant.parse("2026-11-03T08:09:07Z").toEpochMilli()))
                .isEqualTo("Tue, 03 Nov 2026 08:09:07 GMT");
    }
}
