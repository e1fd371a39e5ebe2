package dev.iolab.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a target got wrong is derived from its numbers: each rule on its own fixture. */
class ResilienceTests {

    static Resilience.Attack attack(String name, long errors, Double closedAfter, boolean observed) {
        return new Resilience.Attack(
                name, 4, closedAfter == null ? 2 : 0, closedAfter, 75, observed, 12.5, 50, errors, 3, 1.5);
    }

    static Resilience.Kill kill() {
        return new Resilience.Kill(12, 900, 1100, 7, true, false, 0, null);
    }

    static Resilience.Target target(
            List<Resilience.Attack> attacks, long healthFailed, List<String> after, Resilience.Kill kill) {
        return new Resilience.Target(
                "plain-epoll",
                "plain-epoll",
                2.0,
                attacks,
                3.0,
                400,
                0,
                "management port",
                40.0,
                60,
                healthFailed,
                5,
                12.0,
                after,
                kill,
                null);
    }

    @Test
    void aTargetThatHeldEveryBoundAndLostNothingHasNoProblems() {
        Resilience.Target t = target(
                List.of(attack("slowloris", 0, 21.0, true), attack("slow-reader", 0, null, false)),
                0,
                List.of(),
                kill());
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void failedNormalRequestsUnhealthyPollsAndNotServingAfterAreProblems() {
        Resilience.Target t = target(List.of(attack("slowloris", 3, 21.0, true)), 2, List.of("refused"), kill());
        assertThat(t.problems())
                .containsExactly(
                        "slowloris: 3 normal requests failed",
                        "2 of 60 health polls failed or took over 1 s",
                        "not serving after the attacks: refused");
    }

    @Test
    void connectionsStillOpenAreAProblemOnlyWhenTheRunWatchedPastTheBound() {
        assertThat(target(List.of(attack("slow-reader", 0, null, true)), 0, List.of(), kill())
                        .problems())
                .containsExactly("slow-reader: 2 of 4 connections still open past the 75 s bound");
        assertThat(target(List.of(attack("slow-reader", 0, null, false)), 0, List.of(), kill())
                        .problems())
                .isEmpty();
    }

    @Test
    void connectionsClosedLaterThanTheBoundAreAProblem() {
        assertThat(target(List.of(attack("never-reading-sender", 0, 76.8, true)), 0, List.of(), kill())
                        .problems())
                .containsExactly("never-reading-sender: connections closed after 76.8 s, past the 75 s bound");
        assertThat(target(List.of(attack("never-reading-sender", 0, 75.0, true)), 0, List.of(), kill())
                        .problems())
                .isEmpty();
    }

    @Test
    void aKillThatLosesAnUploadShowsAPartialOneOrLeavesTemporariesIsAProblem() {
        Resilience.Kill bad = new Resilience.Kill(12, 900, 1100, 7, false, true, 1, null);
        assertThat(target(List.of(), 0, List.of(), bad).problems())
                .containsExactly(
                        "kill: a file uploaded before the kill was lost or changed",
                        "kill: the upload the kill cut short is visible",
                        "kill: 1 upload temporaries left after the restart");
        // failures while the target is down are what a kill costs, not a defect
        assertThat(target(List.of(), 0, List.of(), kill()).problems()).isEmpty();
    }

    @Test
    void aTargetThatCouldNotBeMeasuredSaysWhy() {
        assertThat(Resilience.Target.failed("mvc-virtual", "mvc-virtual", "no jar")
                        .problems())
                .containsExactly("not measured: no jar");
    }

    @Test
    void theJsonTreeCarriesEveryNumberAndNullForWhatWasNotMeasured() {
        Resilience.Target t = new Resilience.Target(
                "plain-epoll",
                "gateway/plain-epoll",
                Double.NaN,
                List.of(attack("slowloris", 0, 21.04, true)),
                3.0,
                400,
                0,
                "management port",
                40.0,
                60,
                0,
                5,
                12.0,
                List.of(),
                kill(),
                null);
        Map<String, Object> tree = new Resilience(List.of(t)).tree().getFirst();
        assertThat(tree)
                .containsEntry("target", "plain-epoll")
                .containsEntry("label", "gateway/plain-epoll")
                .containsEntry("baseline_p99_ms", null)
                .containsEntry("served_afterwards", true)
                .containsEntry("problems", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) tree.get("attacks")).getFirst();
        assertThat(first)
                .containsEntry("attack", "slowloris")
                .containsEntry("closed_after_s", 21.0)
                .containsEntry("normal_errors", 0L)
                .containsEntry("rss_held_mib", 1.5);
        assertThat(tree.get("kill"))
                .isEqualTo(Map.of(
                        "exit_ms", 12L,
                        "restart_ready_ms", 900L,
                        "recovery_ms", 1100L,
                        "failed_while_down", 7L,
                        "upload_intact", true,
                        "partial_upload_visible", false,
                        "temporaries_left", 0));
    }
}
