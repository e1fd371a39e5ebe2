package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextSwitchLedgerTests {

    private static TaskStatus t(int tid, long voluntary, long involuntary) {
        return new TaskStatus(tid, 'S', voluntary, involuntary);
    }

    @Test
    void sumsEachThreadsIncreaseOverTheWindow() {
        ContextSwitchLedger ledger = new ContextSwitchLedger(Map.of(1, t(1, 100, 10), 2, t(2, 50, 5)));
        ledger.update(Map.of(1, t(1, 130, 12), 2, t(2, 90, 5)));

        assertThat(ledger.voluntary()).isEqualTo(70);
        assertThat(ledger.involuntary()).isEqualTo(2);
        assertThat(ledger.exited()).isZero();
    }

    @Test
    void aThreadBornInTheWindowCountsFromZero() {
        ContextSwitchLedger ledger = new ContextSwitchLedger(Map.of(1, t(1, 100, 10)));
        ledger.update(Map.of(1, t(1, 100, 10), 3, t(3, 25, 4)));

        assertThat(ledger.voluntary()).isEqualTo(25);
        assertThat(ledger.involuntary()).isEqualTo(4);
    }

    @Test
    void aThreadThatExitsKeepsItsLastSeenCountsAndIsCountedAsExited() {
        ContextSwitchLedger ledger = new ContextSwitchLedger(Map.of(1, t(1, 0, 0), 2, t(2, 10, 0)));
        ledger.update(Map.of(1, t(1, 5, 0), 2, t(2, 40, 1)));
        ledger.update(Map.of(1, t(1, 6, 0)));

        assertThat(ledger.voluntary()).isEqualTo(6 + 30);
        assertThat(ledger.involuntary()).isEqualTo(1);
        assertThat(ledger.exited()).isEqualTo(1);
    }
}
