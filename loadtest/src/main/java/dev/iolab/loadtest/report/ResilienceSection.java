package dev.iolab.loadtest.report;

import dev.iolab.loadtest.chaos.Resilience;
import java.util.List;
import java.util.Locale;

/**
 * The resilience section of a report ({@code ./iolab chaos}, {@code ./iolab compare --chaos}): per target each attack's
 * effect on a normal client and what the target held for it, then health, the kill and what the target got wrong.
 */
public final class ResilienceSection {

    static final String EXPLANATION = "Each target alone, attacked while a normal client (GET /echo on one kept-alive"
            + " connection, every 50 ms) and a health probe (readiness on the management port, a new connection every"
            + " 250 ms, 1 s timeout) run. Attacks start 2.5 s apart and overlap: 200 slowloris connections (a header line"
            + " a second), 4 uploads that trickle 2 s then stall, 4 senders of a 16 MiB POST /echo that never read, 4"
            + " slow readers of a 16 MiB file (16 B every 0.5 s). An attack's normal p99 is the client's in the 2.5 s"
            + " after it started, with the earlier attacks still running; held is what the target's threads and RSS grew"
            + " by in that time. Closed after: when the target had closed the attack's last connection (from the stall"
            + " for stalling attacks), against the contract's bound; a dash means some were still open when the run"
            + " stopped watching. Then SIGKILL with the normal client running and an upload half sent, and the same"
            + " command started again: recovery is from the kill to the client's first answer from the new process.";

    private ResilienceSection() {}

    /** The section as HTML, appended to {@code html}. */
    public static void render(StringBuilder html, Resilience resilience) {
        html.append("<h2>Resilience</h2>\n<p class=\"caveat\">")
                .append(HtmlReport.esc(EXPLANATION))
                .append("</p>\n<h3>Attacks</h3>\n<table>\n<tr><th>target</th><th>attack</th><th>connections</th>")
                .append("<th>closed after (s)</th><th>bound (s)</th><th>normal p99 (ms)</th><th>normal errors</th>")
                .append("<th>threads held</th><th>RSS held (MiB)</th></tr>\n");
        for (Resilience.Target t : resilience.targets()) {
            for (Resilience.Attack a : t.attacks()) {
                html.append("<tr><td class=\"l\">")
                        .append(HtmlReport.swatch(t.id()))
                        .append(HtmlReport.esc(t.label()))
                        .append("</td><td class=\"l\">")
                        .append(HtmlReport.esc(a.name()))
                        .append("</td>")
                        .append(HtmlReport.td(Integer.toString(a.connections())))
                        .append(HtmlReport.td(closed(a)))
                        .append(HtmlReport.td(Long.toString(a.boundS())))
                        .append(HtmlReport.td(ms(a.normalP99Ms())))
                        .append(a.normalErrors() > 0 ? "<td class=\"flag\">" : "<td>")
                        .append(a.normalErrors())
                        .append("</td>")
                        .append(HtmlReport.td(signed(a.threadsHeld())))
                        .append(HtmlReport.td(signed(a.rssHeldMib())))
                        .append("</tr>\n");
            }
        }
        html.append("</table>\n<h3>Health, kill and what went wrong</h3>\n<table>\n<tr><th>target</th>")
                .append("<th>normal p99 before (ms)</th><th>normal p99 under all attacks (ms)</th>")
                .append("<th>normal errors</th><th>health max (ms)</th><th>health failed</th>")
                .append("<th>peak threads held</th><th>peak RSS held (MiB)</th><th>SIGKILL to gone (ms)</th>")
                .append("<th>restart to ready (ms)</th><th>recovery (ms)</th><th>failed while down</th>")
                .append("<th>problems</th></tr>\n");
        for (Resilience.Target t : resilience.targets()) {
            List<String> problems = t.problems();
            html.append("<tr><td class=\"l\">")
                    .append(HtmlReport.swatch(t.id()))
                    .append(HtmlReport.esc(t.label()))
                    .append("</td>");
            if (t.error() != null) {
                html.append("<td class=\"flag\" colspan=\"12\">")
                        .append(HtmlReport.esc(problems.getFirst()))
                        .append("</td></tr>\n");
                continue;
            }
            Resilience.Kill k = t.kill();
            boolean killed = k != null && k.error() == null;
            html.append(HtmlReport.td(ms(t.baselineP99Ms())))
                    .append(HtmlReport.td(ms(t.allAttacksP99Ms())))
                    .append(HtmlReport.td(t.allAttacksErrors() + " of " + t.allAttacksRequests()))
                    .append(HtmlReport.td(ms(t.healthMaxMs())))
                    .append(HtmlReport.td(t.healthFailed() + " of " + t.healthPolls()))
                    .append(HtmlReport.td(signed(t.peakThreadsHeld())))
                    .append(HtmlReport.td(signed(t.peakRssHeldMib())))
                    .append(HtmlReport.td(killed ? Long.toString(k.exitMs()) : "–"))
                    .append(HtmlReport.td(killed ? Long.toString(k.restartReadyMs()) : "–"))
                    .append(HtmlReport.td(killed ? Long.toString(k.recoveryMs()) : "–"))
                    .append(HtmlReport.td(killed ? Long.toString(k.failedWhileDown()) : "–"))
                    .append(problems.isEmpty() ? "<td class=\"l\">none" : "<td class=\"flag\">")
                    .append(HtmlReport.esc(String.join("; ", problems)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** The section as Markdown. */
    public static String markdown(Resilience resilience) {
        StringBuilder md =
                new StringBuilder("\n## Resilience\n\n").append(EXPLANATION).append("\n\n");
        md.append("| target | attack | connections | closed after (s) | bound (s) | normal p99 (ms) | normal errors |")
                .append(" threads held | RSS held (MiB) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Resilience.Target t : resilience.targets()) {
            for (Resilience.Attack a : t.attacks()) {
                md.append("| ")
                        .append(String.join(
                                " | ",
                                t.label(),
                                a.name(),
                                Integer.toString(a.connections()),
                                closed(a),
                                Long.toString(a.boundS()),
                                ms(a.normalP99Ms()),
                                Long.toString(a.normalErrors()),
                                signed(a.threadsHeld()),
                                signed(a.rssHeldMib())))
                        .append(" |\n");
            }
        }
        md.append("\n| target | normal p99 before (ms) | under all attacks (ms) | normal errors | health max (ms) |")
                .append(" health failed | SIGKILL to gone (ms) | restart to ready (ms) | recovery (ms) |")
                .append(" failed while down | problems |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Resilience.Target t : resilience.targets()) {
            List<String> problems = t.problems();
            if (t.error() != null) {
                md.append("| ")
                        .append(t.label())
                        .append(" | ")
                        .append(problems.getFirst())
                        .append(" |||||||||\n");
                continue;
            }
            Resilience.Kill k = t.kill();
            boolean killed = k != null && k.error() == null;
            md.append("| ")
                    .append(String.join(
                            " | ",
                            t.label(),
                            ms(t.baselineP99Ms()),
                            ms(t.allAttacksP99Ms()),
                            t.allAttacksErrors() + " of " + t.allAttacksRequests(),
                            ms(t.healthMaxMs()),
                            t.healthFailed() + " of " + t.healthPolls(),
                            killed ? Long.toString(k.exitMs()) : "–",
                            killed ? Long.toString(k.restartReadyMs()) : "–",
                            killed ? Long.toString(k.recoveryMs()) : "–",
                            killed ? Long.toString(k.failedWhileDown()) : "–",
                            problems.isEmpty() ? "none" : String.join("; ", problems)))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A page of its own, for {@code ./iolab chaos}. */
    public static String page(String runId, Resilience resilience) {
        StringBuilder html = new StringBuilder();
        HtmlReport.head(html, "iolab chaos " + runId);
        render(html, resilience);
        return html.append("</body>\n</html>\n").toString();
    }

    private static String closed(Resilience.Attack a) {
        return a.closedAfterS() == null
                ? "– (" + a.stillOpen() + " open)"
                : String.format(Locale.ROOT, "%.1f", a.closedAfterS());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.0f", v);
    }
}
