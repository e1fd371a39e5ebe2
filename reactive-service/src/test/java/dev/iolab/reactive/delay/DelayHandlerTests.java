package dev.iolab.reactive.delay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayHandlerTests {

    @Test
    void acceptsPlainIntegersFromZeroToTheLimit() {
        assertThat(DelayHandler.parse("0")).isZero();
        assertThat(DelayHandler.parse("10000")).isEqualTo(10_000);
    }

    @Test
    void rejectsEverythingElse() {
        for (String value : new String[] {null, "", "-1", "+1", "10001", "1.5", "abc", "99999999999", " 1"}) {
            assertThat(DelayHandler.parse(value)).as(value).isEqualTo(-1);
        }
    }
}
