package dev.iolab.loadtest.report;

import java.util.List;

/**
 * {@code index.html}: one static, self-contained page (no script, no CDN: it opens offline) with the run's
 * context, the table, the charts and links to each Gatling report.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(RunInfo run, List<ResultRow> rows, List<Charts.Chart> charts) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>iolab comparison %s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
                table { border-collapse: collapse; font-size: 0.85rem; }
                th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: right; }
                th { background: #f3f3f3; } td.l { text-align: left; }
                td.flag { color: #b00; text-align: left; }
                img { max-width: 100%%; border: 1px solid #eee; margin: 0.5rem 0; }
                </style>
                </head>
                <body>
                <h1>iolab comparison %s</h1>
                """.formatted(esc(run.id()), esc(run.id())));
        html.append("<h2>Run</h2>\n<ul>\n");
        for (String line : ComparisonTable.context(run).split("\n")) {
            html.append("<li>").append(esc(line.replaceFirst("^- ", ""))).append("</li>\n");
        }
        html.append("</ul>\n<h2>Results</h2>\n<table>\n<tr><th>target</th><th>scenario</th><th>users</th><th>requests</th>"
                + "<th>KO</th><th>req/s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th>"
                + "<th>server req</th><th>server p50 ms</th><th>server p99 ms</th><th>CPU ms/1k req</th><th>RSS MB</th>"
                + "<th>threads</th><th>flags</th><th>Gatling report</th></tr>\n");
        for (ResultRow r : rows) {
            var c = r.client();
            var s = r.server();
            html.append("<tr><td class=\"l\">").append(esc(r.target())).append("</td><td class=\"l\">").append(esc(r.scenario()))
                    .append("</td>").append(td(Integer.toString(r.users()))).append(td(Long.toString(c.requests())))
                    .append(td(Long.toString(c.ko()))).append(td(ComparisonTable.num(c.throughputRps(), 0)))
                    .append(td(ComparisonTable.num(c.p50(), 0))).append(td(ComparisonTable.num(c.p90(), 0)))
                    .append(td(ComparisonTable.num(c.p99(), 0))).append(td(ComparisonTable.num(c.p999(), 0)))
                    .append(td(ComparisonTable.num(c.max(), 0)))
                    .append(td(s.requests() == null ? "-" : s.requests().toString()))
                    .append(td(ComparisonTable.num(s.p50Ms(), 3))).append(td(ComparisonTable.num(s.p99Ms(), 3)))
                    .append(td(ComparisonTable.num(s.cpuMsPer1kRequests(), 1))).append(td(ComparisonTable.num(s.rssPeakMb(), 0)))
                    .append(td(s.threadsPeak() == null ? "-" : s.threadsPeak().toString()))
                    .append("<td class=\"flag\">").append(esc(String.join(", ", r.flags()))).append("</td><td class=\"l\">")
                    .append(r.gatlingReport() == null ? "-" : "<a href=\"" + esc(r.gatlingReport()) + "\">report</a>")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        rows.stream().filter(r -> r.extra() != null && !r.extra().isEmpty()).forEach(r -> html.append("<p>")
                .append(esc(r.target() + " " + r.scenario() + ": " + r.extra())).append("</p>\n"));
        html.append("""
                <p>Client numbers: Gatling's own results of each run (wrk's output with <code>--engine wrk</code>). Server
                numbers: the target's <code>/actuator/prometheus</code> (count and latency histogram, scraped before and after)
                and <code>/proc/&lt;pid&gt;</code> (CPU time, resident memory, threads sampled every 200 ms).
                Flags: <b>client-bound</b> the load generator used &ge; 85%% of its CPUs or missed its open-model rate;
                <b>errors</b> more than 0.1%% KO; <b>count-mismatch</b> client and server counts differ by more than 1%%.</p>
                """.replace("%%", "%"));
        html.append("<h2>How each model waits</h2>\n").append(AnatomyTable.html(rows));
        html.append("<h2>Charts</h2>\n");
        for (Charts.Chart chart : charts) {
            html.append("<figure><img src=\"").append(esc(chart.file())).append("\" alt=\"").append(esc(chart.title()))
                    .append("\"><figcaption>").append(esc(chart.title())).append("</figcaption></figure>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String td(String v) {
        return "<td>" + esc(v) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
