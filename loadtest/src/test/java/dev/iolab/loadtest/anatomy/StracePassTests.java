package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.tools.RequiredTool;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StracePassTests {

    /** Attaches to a running process that writes in a loop, detaches, and finds its write(2) calls by name. */
    @Test
    void countsTheCallsOfARunningProcessByName(@TempDir Path dir) throws Exception {
        RequiredTool.onPath("apt-get install strace (./iolab verify does)", "strace");
        Process writer = new ProcessBuilder("sh", "-c", "while :; do echo x > /dev/null; done").start();
        try (StracePass pass = StracePass.attach(writer.pid(), dir)) {
            Thread.sleep(300);
            SyscallCounts counts = pass.finish(10, 0.3);

            assertThat(counts.error()).isNull();
            assertThat(counts.calls()).containsKey("write");
            assertThat(counts.calls().get("write")).isPositive();
            assertThat(counts.perRequest().get("write"))
                    .isEqualTo(counts.calls().get("write") / 10.0);
        } finally {
            writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void saysWhyWhenItCannotAttach(@TempDir Path dir) {
        RequiredTool.onPath("apt-get install strace (./iolab verify does)", "strace");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StracePass.attach(Integer.MAX_VALUE - 1, dir))
                .hasMessageContaining("strace could not attach");
    }
}
