package dev.iolab.loadtest.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * One target's turn in one round of {@code --repeat}: rounds alternate (every target once, in the order asked, then
 * every target again), so a drift of the shared machine over the run spreads across all targets instead of landing
 * on whichever ran last.
 */
public record Turn(int round, String target) {

    /** The turns of {@code rounds} rounds of {@code targets}, in the order they run. */
    public static List<Turn> plan(List<String> targets, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        List<Turn> turns = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String target : targets) {
                turns.add(new Turn(round, target));
            }
        }
        return List.copyOf(turns);
    }
}
