package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.iolab.loadtest.server.ProcStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnatomyWatchTests {

    @Test
    void turnsTheWindowsCountersIntoFiguresPerRequest(@TempDir Path dir) throws Exception {
        Path proc = Fixtures.copy(dir);
        AnatomyWatch watch = new AnatomyWatch(proc, Fixtures.PID); // 4242: 120/7, 4250: 5000/300, 4251: 40/2
        Fixtures.setTask(proc, 4250, 'S', 5600, 320);
        Fixtures.setTask(proc, 4260, 'R', 200, 30); // born in the window
        watch.sample(); // S, S, D, R
        Fixtures.removeTask(proc, 4251); // exited after 0 switches
        Fixtures.setIo(proc, 1_048_576 + 100_000, 2_097_152 + 300_000, 100 + 200, 200 + 100);
        watch.stop();

        Anatomy a = watch.result(100);

        assertThat(a.voluntaryPerRequest()).isEqualTo((600 + 200) / 100.0);
        assertThat(a.involuntaryPerRequest()).isEqualTo((20 + 30) / 100.0);
        assertThat(a.threadsExited()).isEqualTo(1);
        assertThat(a.samples()).isEqualTo(1);
        assertThat(a.runnableAverage()).isEqualTo(1.0);
        assertThat(a.sleepingAverage()).isEqualTo(2.0);
        assertThat(a.uninterruptibleAverage()).isEqualTo(1.0);
        assertThat(a.readBytesPerRequest()).isEqualTo(1000.0);
        assertThat(a.writeBytesPerRequest()).isEqualTo(3000.0);
        assertThat(a.readCallsPerRequest()).isEqualTo(2.0);
        assertThat(a.writeCallsPerRequest()).isEqualTo(1.0);
        assertThat(a.note()).isNull();
    }

    @Test
    void noRequestsGiveNoPerRequestFigures(@TempDir Path dir) throws Exception {
        AnatomyWatch watch = new AnatomyWatch(Fixtures.copy(dir), Fixtures.PID);

        Anatomy a = watch.result(0);

        assertThat(a.voluntaryPerRequest()).isNull();
        assertThat(a.readBytesPerRequest()).isNull();
    }

    /** The readers on the live /proc of this very JVM: a thread that sleeps and a file that is read show up. */
    @Test
    void readsThisJvmsOwnProc(@TempDir Path dir) throws Exception {
        assumeThat(ProcStats.available()).as("Linux /proc").isTrue();
        long pid = ProcessHandle.current().pid();
        Path file = Files.write(dir.resolve("data.bin"), new byte[256 * 1024]);
        AnatomyWatch watch = new AnatomyWatch(AnatomyWatch.PROC, pid);
        CountDownLatch slept = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        AtomicReference<Path> task = new AtomicReference<>();
        Thread sleeper = Thread.ofPlatform().start(() -> {
            try {
                task.set(Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))));
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(5); // each sleep gives up the CPU: one voluntary switch at least
                }
                slept.countDown();
                sampled.await(); // alive until a reading has seen its switches, then it exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int i = 0; i < 4; i++) {
            try (var in = Files.newInputStream(file)) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // read(2) on a file: counted in rchar/syscr
            }
        }
        slept.await();
        watch.sample();
        sampled.countDown();
        sleeper.join();
        // join() returns when the Java thread is done, a moment before its kernel task leaves /proc
        Awaitility.await("the sleeper's task gone from /proc")
                .atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(task.get()));
        watch.stop();

        Anatomy a = watch.result(1);

        assertThat(a.voluntaryPerRequest()).as("voluntary switches of this JVM").isGreaterThanOrEqualTo(20);
        assertThat(a.readBytesPerRequest()).as("bytes read through read(2)").isGreaterThanOrEqualTo(4 * 256 * 1024);
        assertThat(a.readCallsPerRequest()).isGreaterThanOrEqualTo(4);
        assertThat(a.threadsExited()).as("the sleeper thread ended").isGreaterThanOrEqualTo(1);
        assertThat(a.samples()).isEqualTo(1);
        assertThat(a.runnableAverage()).as("the thread taking the reading runs").isGreaterThanOrEqualTo(1);
        assertThat(a.threadsAverage()).isGreaterThan(a.runnableAverage());
    }
}
