package dev.iolab.loadtest.chaos;

import dev.iolab.conformance.hostile.HostileScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chaos pass measured per target: each attack's effect on a normal client and what the target held for it,
 * the health probe throughout, and a SIGKILL with a restart; {@link #problems} names what a target got wrong.
 *
 * @param targets one entry per target (or gateway route), in the order they ran
 */
public record Resilience(List<Target> targets) {

    /** One target (or a target behind the gateway: {@code label} {@code gateway/<id>}). */
    public record Target(
            String id,
            String label,
            double baselineP99Ms,
            List<Attack> attacks,
            double allAttacksP99Ms,
            long allAttacksRequests,
            long allAttacksErrors,
            String healthWhere,
            double healthMaxMs,
            int healthPolls,
            long healthFailed,
            double peakThreadsHeld,
            double peakRssHeldMib,
            List<String> afterwards,
            Kill kill,
            String error) {

        /** What this target got wrong, in words; empty when it held every bound and lost nothing. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (error != null) {
                problems.add("not measured: " + error);
                return problems;
            }
            for (Attack a : attacks) {
                if (a.normalErrors() > 0) {
                    problems.add(a.name() + ": " + a.normalErrors() + " normal requests failed");
                }
                if (a.closedAfterS() == null && a.boundObserved()) {
                    problems.add(a.name() + ": " + a.stillOpen() + " of " + a.connections()
                            + " connections still open past the " + a.boundS() + " s bound");
                } else if (a.closedAfterS() != null && a.closedAfterS() > a.boundS()) {
                    problems.add(String.format(
                            java.util.Locale.ROOT,
                            "%s: connections closed after %.1f s, past the %d s bound",
                            a.name(),
                            a.closedAfterS(),
                            a.boundS()));
                }
            }
            if (healthFailed > 0) {
                problems.add(healthFailed + " of " + healthPolls + " health polls failed or took over "
                        + HostileScenario.HEALTH_BOUND.toSeconds() + " s");
            }
            if (!afterwards.isEmpty()) {
                problems.add("not serving after the attacks: " + String.join("; ", afterwards));
            }
            if (kill != null) {
                problems.addAll(kill.problems());
            }
            return problems;
        }

        /** The entry of a target that could not be measured (did not start, ...). */
        public static Target failed(String id, String label, String error) {
            return new Target(
                    id,
                    label,
                    Double.NaN,
                    List.of(),
                    Double.NaN,
                    0,
                    0,
                    "",
                    Double.NaN,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    List.of(),
                    null,
                    error);
        }
    }

    /**
     * One attack: the normal client in the window after it started, and whether (and when) the target closed its
     * connections within the contract's bound; {@code closedAfterS} is null while some are still open.
     */
    public record Attack(
            String name,
            int connections,
            int stillOpen,
            Double closedAfterS,
            long boundS,
            boolean boundObserved,
            double normalP99Ms,
            int normalRequests,
            long normalErrors,
            double threadsHeld,
            double rssHeldMib) {}

    /**
     * SIGKILL under a normal client's load, then the same command started again on the same port and data directory.
     *
     * @param exitMs               SIGKILL until the process was gone
     * @param restartReadyMs       start of the new process until its readiness answered 200
     * @param recoveryMs           SIGKILL until the normal client's first answer from the new process
     * @param failedWhileDown      normal requests that failed between the kill and that answer
     * @param uploadIntact         a file uploaded before the kill reads back whole after it
     * @param partialUploadVisible an upload cut by the kill can be read under its name (it must not)
     * @param temporariesLeft      upload temporaries in the data directory after the restart (-1: not visible here)
     */
    public record Kill(
            long exitMs,
            long restartReadyMs,
            long recoveryMs,
            long failedWhileDown,
            boolean uploadIntact,
            boolean partialUploadVisible,
            int temporariesLeft,
            String error) {

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (error != null) {
                problems.add("kill: " + error);
                return problems;
            }
            if (!uploadIntact) {
                problems.add("kill: a file uploaded before the kill was lost or changed");
            }
            if (partialUploadVisible) {
                problems.add("kill: the upload the kill cut short is visible");
            }
            if (temporariesLeft > 0) {
                problems.add("kill: " + temporariesLeft + " upload temporaries left after the restart");
            }
            return problems;
        }
    }

    /** The JSON tree ({@code resilience} in comparison.json, and resilience.json), in snake_case. */
    public List<Map<String, Object>> tree() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Target t : targets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", t.id());
            m.put("label", t.label());
            if (t.error() != null) {
                m.put("error", t.error());
                m.put("problems", t.problems());
                list.add(m);
                continue;
            }
            m.put("baseline_p99_ms", number(t.baselineP99Ms()));
            List<Map<String, Object>> attacks = new ArrayList<>();
            for (Attack a : t.attacks()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("attack", a.name());
                am.put("connections", a.connections());
                am.put("still_open", a.stillOpen());
                am.put("closed_after_s", a.closedAfterS() == null ? null : number(a.closedAfterS()));
                am.put("bound_s", a.boundS());
                am.put("bound_observed", a.boundObserved());
                am.put("normal_p99_ms", number(a.normalP99Ms()));
                am.put("normal_requests", a.normalRequests());
                am.put("normal_errors", a.normalErrors());
                am.put("threads_held", number(a.threadsHeld()));
                am.put("rss_held_mib", number(a.rssHeldMib()));
                attacks.add(am);
            }
            m.put("attacks", attacks);
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("normal_p99_ms", number(t.allAttacksP99Ms()));
            all.put("normal_requests", t.allAttacksRequests());
            all.put("normal_errors", t.allAttacksErrors());
            all.put("peak_threads_held", number(t.peakThreadsHeld()));
            all.put("peak_rss_held_mib", number(t.peakRssHeldMib()));
            m.put("all_attacks", all);
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("where", t.healthWhere());
            health.put("max_ms", number(t.healthMaxMs()));
            health.put("polls", t.healthPolls());
            health.put("failed", t.healthFailed());
            m.put("health", health);
            m.put("served_afterwards", t.afterwards().isEmpty());
            if (t.kill() != null) {
                Map<String, Object> k = new LinkedHashMap<>();
                Kill kill = t.kill();
                if (kill.error() != null) {
                    k.put("error", kill.error());
                } else {
                    k.put("exit_ms", kill.exitMs());
                    k.put("restart_ready_ms", kill.restartReadyMs());
                    k.put("recovery_ms", kill.recoveryMs());
                    k.put("failed_while_down", kill.failedWhileDown());
                    k.put("upload_intact", kill.uploadIntact());
                    k.put("partial_upload_visible", kill.partialUploadVisible());
                    k.put("temporaries_left", kill.temporariesLeft());
                }
                m.put("kill", k);
            }
            m.put("problems", t.problems());
            list.add(m);
        }
        return list;
    }

    /** NaN (not measured) as JSON null. */
    private static Double number(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }
}
