package dev.iolab.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * {@code index.html}: one static, self-contained page (no script, no CDN: it opens offline). The summary comes first
 * (per scenario the finding and the matrix of ratios to the best), then the run's context, the full table and the
 * charts; each section is one method, so a section added later is one more call in {@link #render}.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(RunInfo run, List<ResultRow> rows, List<Charts.Chart> charts) {
        return render(run, Repeats.single(rows), charts, null);
    }

    /** The page of a run of {@code repeats.rounds()} rounds (medians and spreads), against a baseline when given. */
    public static String render(RunInfo run, Repeats repeats, List<Charts.Chart> charts, BaselineDiff baseline) {
        return render(run, repeats, charts, baseline, null);
    }

    /** As above, with the resilience section of {@code --chaos} when given. */
    public static String render(
            RunInfo run,
            Repeats repeats,
            List<Charts.Chart> charts,
            BaselineDiff baseline,
            dev.iolab.loadtest.chaos.Resilience resilience) {
        List<ResultRow> rows = repeats.rows();
        StringBuilder html = new StringBuilder();
        head(html, run);
        summary(html, repeats);
        if (baseline != null) {
            BaselineSection.render(html, baseline);
        }
        context(html, run);
        results(html, rows);
        anatomy(html, rows);
        if (resilience != null) {
            ResilienceSection.render(html, resilience);
        }
        charts(html, charts);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void head(StringBuilder html, RunInfo run) {
        head(html, "iolab comparison " + run.id());
    }

    /** The page's head, its style and its title as the first heading. */
    static void head(StringBuilder html, String title) {
        html.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 80rem; }
                table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
                th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
                th { background: #f3f3f3; } td.l { text-align: left; }
                td.flag { color: #b00; text-align: left; }
                td.best { background: #e6f4e6; font-weight: bold; }
                td.unranked, tr.unranked td { color: #888; }
                span.ratio { display: block; font-size: 0.75rem; color: #555; }
                span.spread { display: block; font-size: 0.7rem; color: #777; font-weight: normal; }
                td.real-better { background: #e6f4e6; } td.real-worse { background: #fbe3e3; }
                td.noise { color: #555; } td.unknown { color: #888; }
                span.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.4rem;
                  vertical-align: -0.1rem; border-radius: 2px; }
                p.finding { font-size: 1.05rem; margin: 0.3rem 0; }
                p.caveat { color: #555; }
                img { max-width: 100%%; border: 1px solid #eee; margin: 0.5rem 0; }
                code { background: #f6f6f6; padding: 0.1rem 0.3rem; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                """.formatted(esc(title), esc(title)));
    }

    /** Per scenario: the finding, the matrix of ratios to the best, and how to measure the client-bound rows. */
    static void summary(StringBuilder html, Repeats repeats) {
        html.append("<h2>Summary</h2>\n<p class=\"caveat\">Each cell is the number and its ratio to the best ranked "
                        + "value of the scenario (&#9733; the best). Rows the load generator limited (client-bound) are lower "
                        + "bounds of the target: shown grey, never ranked.</p>\n")
                .append(
                        repeats.rounds() > 1
                                ? "<p class=\"caveat\">Each number is the median of " + repeats.rounds()
                                        + " alternating rounds (every target once per round); under it, <i>range</i> is its min"
                                        + "&#8211;max across the rounds; the charts draw it as error bars on the bars and sweep"
                                        + " points, and as a shaded band around each line over time. A difference"
                                        + " inside the range is noise.</p>\n"
                                : "<p class=\"caveat\"><b>A single run:</b> on a shared machine one run is not a measurement of"
                                        + " record, and nothing here tells a difference from noise; a difference of a few"
                                        + " percent may be noise. <code>--repeat 3</code> runs the targets in alternating"
                                        + " rounds and shows each number's median and spread.</p>\n");
        for (ScenarioMatrix m : ScenarioMatrix.of(repeats.rows())) {
            html.append("<h3>")
                    .append(esc(m.title()))
                    .append("</h3>\n<p class=\"finding\">")
                    .append(esc(Findings.sentence(m)))
                    .append("</p>\n<table class=\"matrix\">\n<tr><th>target</th>");
            for (ScenarioMatrix.Metric metric : ScenarioMatrix.METRICS) {
                html.append("<th>")
                        .append(esc(metric.label()))
                        .append(metric.unit().isEmpty() ? "" : " " + esc(metric.unit()))
                        .append(metric.higherIsBetter() ? " &#8593;" : " &#8595;")
                        .append("</th>");
            }
            html.append("<th>note</th></tr>\n");
            for (ResultRow r : m.rows()) {
                boolean ranked = ScenarioMatrix.ranked(r);
                html.append(ranked ? "<tr>" : "<tr class=\"unranked\">")
                        .append("<td class=\"l\">")
                        .append(swatch(r.target()))
                        .append(esc(r.target()))
                        .append("</td>");
                List<ScenarioMatrix.Cell> cells = m.cells().get(r.target());
                for (int i = 0; i < cells.size(); i++) {
                    ScenarioMatrix.Cell c = cells.get(i);
                    html.append(c.best() ? "<td class=\"best\">" : "<td>").append(esc(matrixNumber(c.value())));
                    Spread spread = repeats.spread(
                            r, measureOf(ScenarioMatrix.METRICS.get(i)).key());
                    if (spread != null && spread.hasSpread()) {
                        html.append("<span class=\"spread\">range ")
                                .append(esc(matrixNumber(spread.min())))
                                .append("&#8211;")
                                .append(esc(matrixNumber(spread.max())))
                                .append("</span>");
                    }
                    if (c.ratio() != null) {
                        html.append("<span class=\"ratio\">")
                                .append(String.format(Locale.ROOT, "%.2f&#215;", c.ratio()))
                                .append(c.best() ? " &#9733;" : "")
                                .append("</span>");
                    }
                    html.append("</td>");
                }
                html.append("<td class=\"l\">").append(esc(note(r))).append("</td></tr>\n");
            }
            html.append("</table>\n");
            List<ResultRow> bound = m.clientBound();
            if (!bound.isEmpty()) {
                List<String> targets = bound.stream().map(ResultRow::target).toList();
                html.append("<p>Limited by the load generator: ")
                        .append(esc(String.join(", ", targets)))
                        .append(" (their numbers are lower bounds). Measure them with: <code>")
                        .append(esc(Findings.measureClientBound(m.scenario(), m.users(), targets)))
                        .append("</code></p>\n");
            }
        }
    }

    /** The measure a matrix column shows (same label). */
    static Measure measureOf(ScenarioMatrix.Metric metric) {
        return Measure.ALL.stream()
                .filter(m -> m.label().equals(metric.label()))
                .findFirst()
                .orElseThrow();
    }

    private static String note(ResultRow r) {
        if (r.flags().contains(Flags.CLIENT_BOUND)) {
            return "client-bound: lower bound, not ranked";
        }
        return r.flags().contains(Flags.ERRORS) ? "errors: not ranked" : String.join(", ", r.flags());
    }

    static String matrixNumber(Double v) {
        if (v == null) {
            return "-";
        }
        // counts (threads) and large numbers without decimals, small measurements with one
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    static String swatch(String target) {
        return "<span class=\"swatch\" style=\"background:" + Palette.css(target) + "\"></span>";
    }

    private static void context(StringBuilder html, RunInfo run) {
        html.append("<h2>Run</h2>\n<ul>\n");
        for (String line : ComparisonTable.context(run).split("\n")) {
            html.append("<li>").append(esc(line.replaceFirst("^- ", ""))).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static void results(StringBuilder html, List<ResultRow> rows) {
        html.append("<h2>Results</h2>\n<table>\n<tr><th>target</th><th>scenario</th><th>users</th><th>requests</th>"
                + "<th>KO</th><th>req/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th>"
                + "<th>server req</th><th>server p50 ms</th><th>server p99 ms</th><th>CPU ms/1k req</th><th>RSS MB</th>"
                + "<th>threads</th><th>flags</th><th>Gatling report</th></tr>\n");
        for (ResultRow r : rows) {
            var c = r.client();
            var s = r.server();
            html.append("<tr><td class=\"l\">")
                    .append(swatch(r.target()))
                    .append(esc(r.target()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.scenario()))
                    .append("</td>")
                    .append(td(Integer.toString(r.users())))
                    .append(td(Long.toString(c.requests())))
                    .append(td(Long.toString(c.ko())))
                    .append(td(ComparisonTable.num(c.throughputRps(), 0)))
                    .append(td(ComparisonTable.num(c.p50(), 0)))
                    .append(td(ComparisonTable.num(c.p90(), 0)))
                    .append(td(ComparisonTable.num(c.p99(), 0)))
                    .append(td(ComparisonTable.num(c.p999(), 0)))
                    .append(td(ComparisonTable.num(c.max(), 0)))
                    .append(td(s.requests() == null ? "-" : s.requests().toString()))
                    .append(td(ComparisonTable.num(s.p50Ms(), 3)))
                    .append(td(ComparisonTable.num(s.p99Ms(), 3)))
                    .append(td(ComparisonTable.num(s.cpuMsPer1kRequests(), 1)))
                    .append(td(ComparisonTable.num(s.rssPeakMb(), 0)))
                    .append(td(s.threadsPeak() == null ? "-" : s.threadsPeak().toString()))
                    .append("<td class=\"flag\">")
                    .append(esc(String.join(", ", r.flags())))
                    .append("</td><td class=\"l\">")
                    .append(r.gatlingReport() == null ? "-" : "<a href=\"" + esc(r.gatlingReport()) + "\">report</a>")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        rows.stream()
                .filter(r -> r.extra() != null && !r.extra().isEmpty())
                .forEach(r -> html.append("<p>")
                        .append(esc(r.target() + " " + r.scenario() + ": " + r.extra()))
                        .append("</p>\n"));
        html.append("""
                <p>Client numbers: Gatling's own results of each run (wrk's output with <code>--engine wrk</code>). Server
                numbers: the target's <code>/actuator/prometheus</code> (count and latency histogram, scraped before and after)
                and <code>/proc/&lt;pid&gt;</code> (CPU time, resident memory, threads sampled every 200 ms).
                Flags: <b>client-bound</b> the load generator used &ge; 85% of its CPUs or missed its open-model rate;
                <b>errors</b> more than 0.1% KO; <b>count-mismatch</b> client and server counts differ by more than 1%.</p>
                """);
    }

    /** How each model waits: context switches, thread states, read/write calls and idle CPU per row. */
    private static void anatomy(StringBuilder html, List<ResultRow> rows) {
        html.append("<h2>How each model waits</h2>\n").append(AnatomyTable.html(rows));
    }

    private static void charts(StringBuilder html, List<Charts.Chart> charts) {
        html.append("<h2>Charts</h2>\n");
        for (Charts.Chart chart : charts) {
            html.append("<figure><img src=\"")
                    .append(esc(chart.file()))
                    .append("\" alt=\"")
                    .append(esc(chart.title()))
                    .append("\"><figcaption>")
                    .append(esc(chart.title()))
                    .append("</figcaption></figure>\n");
        }
    }

    static String td(String v) {
        return "<td>" + esc(v) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
