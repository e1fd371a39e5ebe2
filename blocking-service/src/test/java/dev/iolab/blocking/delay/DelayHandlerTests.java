package dev.iolab.blocking.delay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DelayHandlerTests {

    @Test
    void acceptsEveryIntegerInRange() {
        assertThat(DelayHandler.parse("0")).isZero();
        assertThat(DelayHandler.parse("250")).isEqualTo(250);
        assertThat(DelayHandler.parse(Integer.toString(Limits.MAX_DELAY_MS))).isEqualTo(Limits.MAX_DELAY_MS);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "1.5", "-1", "10001", "0x10", "99999999999999999999", " 5"})
    void rejectsWhatIsNotAnIntegerInRange(String value) {
        assertThat(DelayHandler.parse(value)).isEqualTo(-1);
    }
}
