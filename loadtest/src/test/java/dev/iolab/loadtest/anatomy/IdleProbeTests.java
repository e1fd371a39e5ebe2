package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.iolab.loadtest.server.ProcStats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdleProbeTests {

    /** A thread spinning in this JVM during the window is what a busy-polling target does: the probe sees CPU burnt. */
    @Test
    void seesTheCpuOfASpinningThread() throws Exception {
        assumeThat(ProcStats.available()).as("Linux /proc").isTrue();
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread spinner = Thread.ofPlatform().start(() -> {
            long n = 0;
            while (spin.get()) {
                n++;
            }
            System.out.println("spins: " + n);
        });
        try {
            Anatomy.Idle idle = IdleProbe.measure(
                            AnatomyWatch.PROC, ProcessHandle.current().pid(), Duration.ofMillis(600))
                    .orElseThrow();
            // a whole core on an idle machine; a shared, loaded 2-CPU CI machine still gives it well over a tenth
            assertThat(idle.cpuCores()).isGreaterThan(0.1);
            assertThat(idle.seconds()).isGreaterThanOrEqualTo(0.6);
            // the spinner is runnable at every reading, whatever CPU share the machine gives it
            assertThat(idle.runnableAverage()).isGreaterThanOrEqualTo(1.0);
        } finally {
            spin.set(false);
            spinner.join();
        }
    }

    @Test
    void emptyForAProcessThatIsGone() throws Exception {
        assertThat(IdleProbe.measure(AnatomyWatch.PROC, Long.MAX_VALUE, Duration.ofMillis(10)))
                .isEmpty();
    }
}
