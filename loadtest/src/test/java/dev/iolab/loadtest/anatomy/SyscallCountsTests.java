package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyscallCountsTests {

    @Test
    void parsesStracesSummaryByCallsMostFirst() {
        SyscallCounts counts = SyscallCounts.parse(Fixtures.read("strace-summary.txt"), 2000, 4.0);

        assertThat(counts.calls())
                .containsExactly(
                        java.util.Map.entry("read", 4000L),
                        java.util.Map.entry("write", 4000L),
                        java.util.Map.entry("epoll_wait", 2000L),
                        java.util.Map.entry("futex", 150L));
        assertThat(counts.errors()).containsOnly(java.util.Map.entry("read", 400L), java.util.Map.entry("futex", 12L));
        assertThat(counts.total()).isEqualTo(10150);
        assertThat(counts.perRequest())
                .containsEntry("read", 2.0)
                .containsEntry("epoll_wait", 1.0)
                .containsEntry("futex", 0.075);
        assertThat(counts.throughputRps()).isEqualTo(500.0);
        assertThat(counts.error()).isNull();
    }

    @Test
    void noRequestsMeansNoPerRequestFigures() {
        assertThat(SyscallCounts.parse(Fixtures.read("strace-summary.txt"), 0, 1)
                        .perRequest())
                .isEmpty();
    }

    @Test
    void aFailedPassKeepsItsReason() {
        SyscallCounts failed = SyscallCounts.failed("strace: attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted");

        assertThat(failed.error()).contains("Operation not permitted");
        assertThat(failed.calls()).isEmpty();
    }
}
