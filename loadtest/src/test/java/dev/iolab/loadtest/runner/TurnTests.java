package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTests {

    @Test
    void roundsAlternateEveryTargetOncePerRoundInTheOrderAsked() {
        assertThat(Turn.plan(List.of("plain-epoll", "webflux-epoll", "mvc-platform"), 3))
                .containsExactly(
                        new Turn(1, "plain-epoll"),
                        new Turn(1, "webflux-epoll"),
                        new Turn(1, "mvc-platform"),
                        new Turn(2, "plain-epoll"),
                        new Turn(2, "webflux-epoll"),
                        new Turn(2, "mvc-platform"),
                        new Turn(3, "plain-epoll"),
                        new Turn(3, "webflux-epoll"),
                        new Turn(3, "mvc-platform"));
    }

    @Test
    void oneRoundIsTheTargetsOnceAndNoRoundIsRefused() {
        assertThat(Turn.plan(List.of("a", "b"), 1)).containsExactly(new Turn(1, "a"), new Turn(1, "b"));
        assertThatThrownBy(() -> Turn.plan(List.of("a"), 0)).hasMessageContaining(">= 1");
    }
}
