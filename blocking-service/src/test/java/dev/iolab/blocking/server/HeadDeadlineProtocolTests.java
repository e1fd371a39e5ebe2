package dev.iolab.blocking.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Limits;
import org.junit.jupiter.api.Test;

class HeadDeadlineProtocolTests {

    private final HeadDeadlineProtocol protocol = new HeadDeadlineProtocol();
    private final long now = System.nanoTime();
    private final long deadline = Limits.HEADER_READ_TIMEOUT.toNanos();

    @Test
    void aHeadStillArrivingPastTheDeadlineIsTooSlow() {
        assertThat(protocol.headTooSlow(now - deadline - 1, now)).isTrue();
    }

    @Test
    void aHeadWithinTheDeadlineIsNot() {
        assertThat(protocol.headTooSlow(now - deadline + 1_000_000, now)).isFalse();
    }

    @Test
    void aConnectionWhoseHeadHasNotStartedIsNotTimedHere() {
        // no byte yet (Tomcat's start time -1): the keep-alive timeout applies
        assertThat(protocol.headTooSlow(-1, now)).isFalse();
    }
}
