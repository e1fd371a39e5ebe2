package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadStatesTests {

    @Test
    void averagesEachStateOverTheReadings() {
        ThreadStates states = new ThreadStates();
        states.add(ProcessTasks.read(Fixtures.proc(), Fixtures.PID)); // S, R, D
        states.add(Map.of(
                1,
                new TaskStatus(1, 'R', 0, 0),
                2,
                new TaskStatus(2, 'R', 0, 0),
                3,
                new TaskStatus(3, 'S', 0, 0),
                4,
                new TaskStatus(4, 'S', 0, 0),
                5,
                new TaskStatus(5, 'S', 0, 0)));

        assertThat(states.samples()).isEqualTo(2);
        assertThat(states.runnableAverage()).isEqualTo(1.5);
        assertThat(states.sleepingAverage()).isEqualTo(2.0);
        assertThat(states.uninterruptibleAverage()).isEqualTo(0.5);
        assertThat(states.threadsAverage()).isEqualTo(4.0);
    }

    @Test
    void noReadingMeansNoAverageRatherThanZero() {
        ThreadStates states = new ThreadStates();
        states.add(Map.of()); // the process was gone

        assertThat(states.samples()).isZero();
        assertThat(states.runnableAverage()).isNull();
    }
}
