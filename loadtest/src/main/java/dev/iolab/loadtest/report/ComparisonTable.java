package dev.iolab.loadtest.report;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.List;
import java.util.Locale;

/** The comparison as a Markdown table: the same text is printed to the terminal and written to comparison.md. */
public final class ComparisonTable {

    private static final String HEADER =
            "| target | scenario | users | requests | KO | req/s | p50 ms | p90 ms | p99 ms "
                    + "| p99.9 ms | max ms | server req | server p50 ms | server p99 ms | CPU ms/1k req | RSS MB | threads | flags |";

    private ComparisonTable() {}

    public static String table(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (ResultRow r : rows) {
            ClientNumbers c = r.client();
            ServerNumbers s = r.server();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.target(),
                    r.scenario(),
                    r.users(),
                    c.requests(),
                    c.ko(),
                    num(c.throughputRps(), 0),
                    num(c.p50(), 0),
                    num(c.p90(), 0),
                    num(c.p99(), 0),
                    num(c.p999(), 0),
                    num(c.max(), 0),
                    s.requests() == null ? "-" : s.requests().toString(),
                    num(s.p50Ms(), 3),
                    num(s.p99Ms(), 3),
                    num(s.cpuMsPer1kRequests(), 1),
                    num(s.rssPeakMb(), 0),
                    s.threadsPeak() == null ? "-" : s.threadsPeak().toString(),
                    r.flags().isEmpty() ? "" : String.join(", ", r.flags())));
        }
        return out.toString();
    }

    /** comparison.md: the run's context, the table, and what the flags mean. */
    public static String markdown(RunInfo run, List<ResultRow> rows) {
        return markdown(run, Repeats.single(rows), null);
    }

    /** As above for a run of several rounds (the table holds medians) and, when given, its baseline comparison. */
    public static String markdown(RunInfo run, Repeats repeats, BaselineDiff baseline) {
        List<ResultRow> rows = repeats.rows();
        StringBuilder md = new StringBuilder("# iolab comparison " + run.id() + "\n\n");
        md.append(context(run))
                .append('\n')
                .append(rounds(repeats.rounds()))
                .append("\n\n")
                .append(findings(rows))
                .append('\n')
                .append(table(rows))
                .append('\n');
        md.append("""
                Client numbers come from Gatling's own results of each run (wrk's output with `--engine wrk`); server numbers
                from the target's `/actuator/prometheus` (request count and latency histogram, scraped before and after the
                measurement) and from `/proc/<pid>` (CPU time, resident memory and threads, sampled every 200 ms).
                Flags: `client-bound` the load generator used >= 85% of its CPUs or missed its open-model rate, so the
                target may go faster; `errors` more than 0.1% KO; `count-mismatch` client and server counts differ by more
                than 1%; `no-server-count` the target exported no request count. In comparison.json, `load_cpu_share` and
                `server.cpu_share` are each side's share of the CPUs it was pinned to: a target well below 1 while its latency
                grows was starved by something else on the machine, unless it waits by design (the delay scenario).
                """);
        rows.stream()
                .filter(r -> r.extra() != null && !r.extra().isEmpty())
                .forEach(r -> md.append("\n")
                        .append(r.target())
                        .append(" ")
                        .append(r.scenario())
                        .append(": ")
                        .append(r.extra())
                        .append('\n'));
        if (baseline != null) {
            md.append('\n').append(BaselineSection.markdown(baseline));
        }
        md.append("\n## How each model waits\n\n")
                .append(AnatomyTable.markdown(rows))
                .append('\n')
                .append(AnatomyTable.EXPLAINED)
                .append('\n');
        return md.toString();
    }

    /** Per scenario its main finding and, for client-bound rows, how to measure them (the page's summary in text). */
    public static String findings(List<ResultRow> rows) {
        StringBuilder md = new StringBuilder();
        for (ScenarioMatrix m : ScenarioMatrix.of(rows)) {
            md.append("- ")
                    .append(m.title())
                    .append(": ")
                    .append(Findings.sentence(m))
                    .append('\n');
            List<String> bound = m.clientBound().stream().map(ResultRow::target).toList();
            if (!bound.isEmpty()) {
                md.append("  client-bound (lower bounds, not ranked): ")
                        .append(String.join(", ", bound))
                        .append("; measure: `")
                        .append(Findings.measureClientBound(m.scenario(), m.users(), bound))
                        .append("`\n");
            }
        }
        return md.toString();
    }

    /** What the numbers are: medians of rounds, or one run that is not a measurement of record. */
    public static String rounds(int rounds) {
        return rounds > 1
                ? "Each number is the median of " + rounds + " alternating rounds; comparison.json has every round's"
                        + " value and the spread (min..max) under `repeats`."
                : "A single run: on a shared machine one run is not a measurement of record, and a difference of a few"
                        + " percent may be noise (`--repeat 3` gives medians and spreads).";
    }

    public static String context(RunInfo run) {
        StringBuilder md = new StringBuilder();
        md.append("- started: ")
                .append(run.started())
                .append(", mode: ")
                .append(run.mode())
                .append(", engine: ")
                .append(run.engine())
                .append('\n');
        md.append("- machine: ")
                .append(String.join(
                        ", ",
                        run.machine().values().stream().map(String::valueOf).toList()))
                .append(", CPUs: ")
                .append(run.cpus())
                .append('\n');
        md.append("- pinning: ").append(run.pinning().get("note")).append('\n');
        md.append("- JDK: ")
                .append(run.jdk())
                .append(", versions: ")
                .append(run.versions())
                .append('\n');
        md.append("- git commit: ").append(run.gitCommit()).append('\n');
        md.append(String.format(
                Locale.ROOT,
                "- warm-up %.0f s, measurement %.0f s per target x scenario%n",
                run.warmupSeconds(),
                run.durationSeconds()));
        run.notes().forEach(n -> md.append("- note: ").append(n).append('\n'));
        return md.toString();
    }

    static String num(Double v, int decimals) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
