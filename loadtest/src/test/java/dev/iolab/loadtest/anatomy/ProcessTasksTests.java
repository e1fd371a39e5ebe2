package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessTasksTests {

    @Test
    void readsEveryThreadAndSkipsNamesThatAreNotThreadIds() {
        Map<Integer, TaskStatus> tasks = ProcessTasks.read(Fixtures.proc(), Fixtures.PID);

        assertThat(tasks).containsOnlyKeys(4242, 4250, 4251);
        assertThat(tasks.get(4251).state()).isEqualTo('D');
        assertThat(tasks.get(4242).voluntary()).isEqualTo(120);
    }

    @Test
    void emptyForAProcessThatIsGone() {
        assertThat(ProcessTasks.read(Fixtures.proc(), 99999)).isEmpty();
    }
}
