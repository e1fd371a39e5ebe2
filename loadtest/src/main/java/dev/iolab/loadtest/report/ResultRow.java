package dev.iolab.loadtest.report;

import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.List;
import java.util.Map;

/**
 * One row of the comparison: one target under one scenario at one concurrency, the load generator's numbers
 * beside the target's own, the honesty flags, and where Gatling's report for it lies. The CPU shares are of the
 * CPUs each side was pinned to: a busy load generator means client-bound; a target far below 1 while latency
 * grows was starved by something else on the machine (or waits by design, as in the delay scenario). The
 * anatomy says how the target waited meanwhile (never null: {@link Anatomy#unavailable} where it was not seen).
 */
public record ResultRow(
        String target,
        String scenario,
        String engine,
        int users,
        double rate,
        ClientNumbers client,
        ServerNumbers server,
        double loadCpuShare,
        Double targetCpuShare,
        List<String> flags,
        String gatlingReport,
        Map<String, Object> extra,
        Anatomy anatomy) {

    public ResultRow {
        anatomy = anatomy != null ? anatomy : Anatomy.unavailable("not measured");
    }

    /** A row whose anatomy was not measured (merged distributed runs, tests). */
    public ResultRow(
            String target,
            String scenario,
            String engine,
            int users,
            double rate,
            ClientNumbers client,
            ServerNumbers server,
            double loadCpuShare,
            Double targetCpuShare,
            List<String> flags,
            String gatlingReport,
            Map<String, Object> extra) {
        this(
                target,
                scenario,
                engine,
                users,
                rate,
                client,
                server,
                loadCpuShare,
                targetCpuShare,
                flags,
                gatlingReport,
                extra,
                null);
    }

    public ResultRow withAnatomy(Anatomy value) {
        return new ResultRow(
                target,
                scenario,
                engine,
                users,
                rate,
                client,
                server,
                loadCpuShare,
                targetCpuShare,
                flags,
                gatlingReport,
                extra,
                value);
    }

    /** The same row with other extra numbers. */
    public ResultRow withExtra(Map<String, Object> value) {
        return new ResultRow(
                target,
                scenario,
                engine,
                users,
                rate,
                client,
                server,
                loadCpuShare,
                targetCpuShare,
                flags,
                gatlingReport,
                value,
                anatomy);
    }

    /** The same row pointing at another Gatling report. */
    public ResultRow withGatlingReport(String value) {
        return new ResultRow(
                target,
                scenario,
                engine,
                users,
                rate,
                client,
                server,
                loadCpuShare,
                targetCpuShare,
                flags,
                value,
                extra,
                anatomy);
    }
}
