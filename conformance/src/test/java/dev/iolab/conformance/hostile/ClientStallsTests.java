package dev.iolab.conformance.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ClientStallsTests {

    private static final long MS = 1_000_000;

    @Test
    void aPollIsChargedOnlyTheStallsInsideIt() {
        ClientStalls stalls = new ClientStalls();
        stalls.record(100 * MS, 300 * MS);
        stalls.record(900 * MS, 1000 * MS);
        stalls.record(5000 * MS, 6000 * MS);

        assertThat(stalls.stalledNanos(200 * MS, 950 * MS)).isEqualTo(150 * MS);
        assertThat(stalls.stalledNanos(0, 2000 * MS)).isEqualTo(300 * MS);
        assertThat(stalls.stalledNanos(2000 * MS, 3000 * MS)).isZero();
        assertThat(stalls.summary(0, 2000 * MS)).isEqualTo(new ClientStalls.Summary(2, 200 * MS));
    }

    @Test
    void aHealthPollIsJudgedOnWhatTheTargetTook() {
        LatencyProbe.Sample slow = new LatencyProbe.Sample(0, 1500 * MS, false, null);
        Duration bound = HostileScenario.HEALTH_BOUND;

        assertThat(new HostileScenario.HealthPoll(slow, 0).exceeds(bound)).isTrue();
        assertThat(new HostileScenario.HealthPoll(slow, 200 * MS).exceeds(bound))
                .isTrue();
        assertThat(new HostileScenario.HealthPoll(slow, 700 * MS).exceeds(bound))
                .isFalse();
        assertThat(new HostileScenario.HealthPoll(slow, 700 * MS).describe())
                .isEqualTo("1500 ms, of which the measuring JVM stalled 700 ms");
    }

    @Test
    void aFailedHealthPollFailsWhateverTheStall() {
        LatencyProbe.Sample refused = new LatencyProbe.Sample(0, 5000 * MS, true, "java.net.SocketTimeoutException");

        assertThat(new HostileScenario.HealthPoll(refused, 4900 * MS).exceeds(HostileScenario.HEALTH_BOUND))
                .isTrue();
    }

    @Test
    void theMeterSeesThisJvmStoppedAsAMachineThatDidNotRunIt() throws Exception {
        ClientStalls meter = ClientStalls.meter();
        Awaitility.await("the meter running").atMost(Duration.ofSeconds(5)).until(meter::running);
        long from = System.nanoTime();
        long pid = ProcessHandle.current().pid();
        // another process stops this whole JVM for 300 ms, as a host that does not schedule it would
        Process stopper =
                new ProcessBuilder("sh", "-c", "kill -STOP " + pid + "; sleep 0.3; kill -CONT " + pid).start();
        assertThat(stopper.waitFor()).isZero();
        // the meter records a stall when it wakes after it
        Awaitility.await("the meter's record of the stop")
                .atMost(Duration.ofSeconds(5))
                .until(() -> meter.summary(from, System.nanoTime()).longestNanos() >= 250 * MS);
        long to = System.nanoTime();

        assertThat(meter.stalledNanos(from, to)).isBetween(250 * MS, to - from);
    }
}
