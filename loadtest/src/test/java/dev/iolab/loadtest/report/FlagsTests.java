package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import org.junit.jupiter.api.Test;

class FlagsTests {

    private static ClientNumbers client(long requests, long ko, double rps) {
        return new ClientNumbers(requests, requests - ko, ko, rps, 1, 2, 3, 4, 5, 10);
    }

    private static ServerNumbers server(Long requests) {
        return new ServerNumbers(requests, 1.0, 1.0, 100.0, 20, 0.5, 2.0, 0L, 0.0);
    }

    @Test
    void aCleanRowHasNoFlags() {
        assertThat(Flags.of(client(10_000, 0, 1000), server(10_000L), 0.5, 0)).isEmpty();
    }

    @Test
    void aBusyLoadGeneratorOrAMissedRateIsClientBound() {
        assertThat(Flags.of(client(10_000, 0, 1000), server(10_000L), 0.9, 0)).containsExactly(Flags.CLIENT_BOUND);
        assertThat(Flags.of(client(10_000, 0, 1000), server(10_000L), 0.2, 2000))
                .containsExactly(Flags.CLIENT_BOUND);
        assertThat(Flags.of(client(10_000, 0, 1990), server(10_000L), 0.2, 2000))
                .isEmpty();
    }

    @Test
    void moreThanATenthOfAPercentKoIsErrors() {
        assertThat(Flags.of(client(10_000, 10, 1000), server(10_000L), 0.5, 0)).isEmpty();
        assertThat(Flags.of(client(10_000, 11, 1000), server(10_000L), 0.5, 0)).containsExactly(Flags.ERRORS);
    }

    @Test
    void countsDifferingByMoreThanOnePercentMismatch() {
        assertThat(Flags.of(client(10_000, 0, 1000), server(9_901L), 0.5, 0)).isEmpty();
        assertThat(Flags.of(client(10_000, 0, 1000), server(9_800L), 0.5, 0)).containsExactly(Flags.COUNT_MISMATCH);
        assertThat(Flags.of(client(10_000, 0, 1000), server(null), 0.5, 0)).containsExactly(Flags.NO_SERVER_COUNT);
    }

    @Test
    void wrksUncountedInFlightRequestsAreNoMismatch() {
        // 400 connections cut off at the deadline: the server answered up to 400 more than wrk counted
        assertThat(Flags.of(client(7984, 0, 2655), server(8384L), 0.5, 0, 400)).isEmpty();
        assertThat(Flags.of(client(7984, 0, 2655), server(8384L), 0.5, 0, 0)).containsExactly(Flags.COUNT_MISMATCH);
        assertThat(Flags.of(client(7984, 0, 2655), server(8600L), 0.5, 0, 400)).containsExactly(Flags.COUNT_MISMATCH);
    }
}
