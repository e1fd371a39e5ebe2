package dev.iolab.plain.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AcceptBackoffTests {

    private final IOException emfile = new IOException("Too many open files");

    @Test
    void delaysDoubleFromFiftyMillisecondsUpToTheCap() {
        AcceptBackoff backoff = new AcceptBackoff("test");
        assertThat(backoff.failed(emfile)).isEqualTo(50);
        assertThat(backoff.failed(emfile)).isEqualTo(100);
        assertThat(backoff.failed(emfile)).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            backoff.failed(emfile);
        }
        assertThat(backoff.failed(emfile)).isEqualTo(AcceptBackoff.MAX_DELAY_MS);
        assertThat(backoff.failing()).isTrue();
    }

    @Test
    void aSuccessfulAcceptStartsTheNextStreakAtTheFirstDelay() {
        AcceptBackoff backoff = new AcceptBackoff("test");
        backoff.failed(emfile);
        backoff.failed(emfile);
        backoff.accepted();
        assertThat(backoff.failing()).isFalse();
        assertThat(backoff.failed(emfile)).isEqualTo(AcceptBackoff.FIRST_DELAY_MS);
    }
}
