package dev.iolab.conformance.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one attack did to one target: a normal client's p99 and errors in the window after the attack started
 * (the attacks started before it still running), whether and when the target closed the attack's connections,
 * and the threads and memory the target held for it.
 *
 * @param attack      the attack
 * @param normal      the normal client's requests in that window
 * @param connections attack connections opened
 * @param stillOpen   of those, not closed by the target when the scenario ended
 * @param closedAfter when the target had closed the last one (from opening, or from the stall for a stalling attack)
 * @param closeBound  the latest the contract lets the target close them (from the same origin)
 * @param observedFor how long the scenario watched the attack before it ended it
 * @param held        threads and RSS the attack added ({@link ProcessGauges.Reading#since} the reading before it)
 */
public record AttackOutcome(
        Attack attack,
        List<LatencyProbe.Sample> normal,
        int connections,
        int stillOpen,
        Optional<Duration> closedAfter,
        Duration closeBound,
        Duration observedFor,
        ProcessGauges.Reading held) {

    /** True when the scenario watched long enough to hold the target to {@link #closeBound}. */
    public boolean boundObserved() {
        return observedFor.compareTo(closeBound) >= 0;
    }

    /** The one line a run prints for it. */
    public String line(String target) {
        long errors = normal.stream().filter(LatencyProbe.Sample::failed).count();
        String closed = closedAfter
                .map(d -> String.format(
                        "attack connections closed after %.1f s%s",
                        d.toMillis() / 1000.0, attack.stalls() ? " of stall" : ""))
                .orElse(String.format(
                        "%d of %d attack connections still open after %.0f s (target's bound %d s%s)",
                        stillOpen,
                        connections,
                        observedFor.toMillis() / 1000.0,
                        closeBound.toSeconds(),
                        boundObserved() ? "" : ", not waited for"));
        return String.format(
                "HOSTILE %s %s: normal p99 %.0f ms (%d requests), errors %d, %s, held %s",
                target, attack.label(), LatencyProbe.p99Millis(normal), normal.size(), errors, closed, held.asHeld());
    }
}
