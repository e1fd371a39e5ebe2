package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TaskStatusTests {

    @Test
    void readsStateAndBothContextSwitchCountersOfOneThread() throws Exception {
        TaskStatus t = TaskStatus.parse(4250, Files.readString(Fixtures.proc().resolve("4242/task/4250/status")));

        assertThat(t).isEqualTo(new TaskStatus(4250, 'R', 5000, 300));
        assertThat(t.runnable()).isTrue();
        assertThat(t.sleeping()).isFalse();
    }

    @Test
    void tellsSleepingFromUninterruptible() throws Exception {
        TaskStatus s = TaskStatus.parse(4242, Files.readString(Fixtures.proc().resolve("4242/task/4242/status")));
        TaskStatus d = TaskStatus.parse(4251, Files.readString(Fixtures.proc().resolve("4242/task/4251/status")));

        assertThat(s.sleeping()).isTrue();
        assertThat(s.uninterruptible()).isFalse();
        assertThat(d.uninterruptible()).isTrue();
        assertThat(d.runnable()).isFalse();
    }

    @Test
    void missingCountersReadAsZero() {
        assertThat(TaskStatus.parse(7, "Name:\tx\nState:\tI (idle)\n")).isEqualTo(new TaskStatus(7, 'I', 0, 0));
    }
}
