package dev.iolab.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * The page's and comparison.md's "against the baseline" part: per row and measure the change in percent and its
 * verdict, a real change marked better or worse; rows only one run has are listed by name.
 */
public final class BaselineSection {

    private BaselineSection() {}

    static void render(StringBuilder html, BaselineDiff diff) {
        html.append("<h2>Against the baseline run ")
                .append(HtmlReport.esc(diff.baseline().id()))
                .append("</h2>\n<p class=\"caveat\">")
                .append(HtmlReport.esc(intro(diff)))
                .append("</p>\n<table class=\"baseline\">\n<tr><th>target</th><th>scenario</th><th>users</th>");
        for (String key : Measure.ON_PAGE) {
            Measure m = Measure.byKey(key);
            html.append("<th>")
                    .append(HtmlReport.esc(m.label() + (m.unit().isEmpty() ? "" : " " + m.unit())))
                    .append(m.higherIsBetter() ? " &#8593;" : " &#8595;")
                    .append("</th>");
        }
        html.append("</tr>\n");
        for (BaselineDiff.RowChanges rc : diff.rows()) {
            html.append("<tr><td class=\"l\">")
                    .append(HtmlReport.swatch(rc.row().target()))
                    .append(HtmlReport.esc(rc.row().target()))
                    .append("</td><td class=\"l\">")
                    .append(HtmlReport.esc(rc.row().scenario()))
                    .append("</td><td>")
                    .append(rc.row().users())
                    .append("</td>");
            for (String key : Measure.ON_PAGE) {
                Measure m = Measure.byKey(key);
                Change c = rc.changes().get(key);
                html.append("<td class=\"")
                        .append(cssClass(m, c))
                        .append("\" title=\"")
                        .append(HtmlReport.esc(c.reason()))
                        .append("\">")
                        .append(HtmlReport.esc(HtmlReport.matrixNumber(c.baseline())))
                        .append(" &#8594; ")
                        .append(HtmlReport.esc(HtmlReport.matrixNumber(c.now())))
                        .append("<span class=\"ratio\">")
                        .append(HtmlReport.esc(cell(m, c)))
                        .append("</span></td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        missing(diff)
                .forEach(line -> html.append("<p>").append(HtmlReport.esc(line)).append("</p>\n"));
    }

    /** The console's lines: the verdict counts, each real change, the rows one side lacks. */
    public static String summary(BaselineDiff diff) {
        StringBuilder out = new StringBuilder("Against baseline "
                        + diff.baseline().id() + " (" + diff.baseline().dir() + "): ")
                .append(intro(diff))
                .append('\n');
        for (BaselineDiff.RowChanges rc : diff.rows()) {
            rc.changes().forEach((key, c) -> {
                if (c.verdict() == Change.Verdict.REAL) {
                    Measure m = Measure.byKey(key);
                    out.append("  ")
                            .append(rc.key())
                            .append(' ')
                            .append(m.label())
                            .append(": ")
                            .append(HtmlReport.matrixNumber(c.baseline()))
                            .append(" -> ")
                            .append(HtmlReport.matrixNumber(c.now()))
                            .append(' ')
                            .append(cell(m, c))
                            .append('\n');
                }
            });
        }
        missing(diff).forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    static String markdown(BaselineDiff diff) {
        StringBuilder md = new StringBuilder(
                        "## Against the baseline run " + diff.baseline().id() + "\n\n")
                .append(intro(diff))
                .append("\n\n| target | scenario | users |");
        Measure.ON_PAGE.forEach(
                k -> md.append(' ').append(Measure.byKey(k).label()).append(" |"));
        md.append("\n|---|---|--:|")
                .append("--:|".repeat(Measure.ON_PAGE.size()))
                .append('\n');
        for (BaselineDiff.RowChanges rc : diff.rows()) {
            md.append("| ")
                    .append(rc.row().target())
                    .append(" | ")
                    .append(rc.row().scenario())
                    .append(" | ")
                    .append(rc.row().users())
                    .append(" |");
            for (String key : Measure.ON_PAGE) {
                md.append(' ')
                        .append(cell(Measure.byKey(key), rc.changes().get(key)))
                        .append(" |");
            }
            md.append('\n');
        }
        missing(diff).forEach(line -> md.append("\n").append(line).append('\n'));
        return md.toString();
    }

    /** What the columns mean, the verdict counts, and whether verdicts were possible at all. */
    static String intro(BaselineDiff diff) {
        var counts = diff.counts();
        String verdicts = counts.get(Change.Verdict.REAL) + " real changes, "
                + counts.get(Change.Verdict.WITHIN_NOISE) + " within noise, " + counts.get(Change.Verdict.UNKNOWN)
                + " unknown, over all " + Measure.ALL.size() + " numbers of each row (comparison.json has them all).";
        String rule = diff.baseline().rounds() < 2 || diff.rounds() < 2
                ? "Baseline " + diff.baseline().rounds() + " round(s), this run " + diff.rounds()
                        + ": a single run has no spread, so no change can be called real: every verdict is unknown"
                        + " (not a measurement); repeat both runs (--repeat 3) to judge them."
                : "Baseline " + diff.baseline().rounds() + " rounds, this run " + diff.rounds()
                        + ": a change is real only when the medians differ by more than both runs' spread (max - min).";
        return "Each cell: baseline median -> this run's median, the change in percent and its verdict. " + rule + " "
                + verdicts;
    }

    static String cell(Measure m, Change c) {
        if (c.baseline() == null || c.now() == null) {
            return "unknown (not measured in one run)";
        }
        String pct = c.percent() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", c.percent());
        return switch (c.verdict()) {
            case REAL -> pct + " real, " + (c.better(m) ? "better" : "worse");
            case WITHIN_NOISE -> pct + " within noise";
            case UNKNOWN -> pct + " unknown";
        };
    }

    private static String cssClass(Measure m, Change c) {
        return switch (c.verdict()) {
            case REAL -> c.better(m) ? "real-better" : "real-worse";
            case WITHIN_NOISE -> "noise";
            case UNKNOWN -> "unknown";
        };
    }

    private static List<String> missing(BaselineDiff diff) {
        List<String> lines = new java.util.ArrayList<>();
        if (!diff.onlyInBaseline().isEmpty()) {
            lines.add("Only in the baseline (not compared): " + String.join(", ", diff.onlyInBaseline()));
        }
        if (!diff.onlyInThisRun().isEmpty()) {
            lines.add("Only in this run (not compared): " + String.join(", ", diff.onlyInThisRun()));
        }
        return lines;
    }
}
