package dev.iolab.loadtest.report;

import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.anatomy.SyscallCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** "How each model waits": one row per target x scenario of its anatomy, as Markdown and as an HTML table. */
public final class AnatomyTable {

    static final List<String> HEADER = List.of(
            "target",
            "scenario",
            "users",
            "voluntary cs/req",
            "involuntary cs/req",
            "runnable threads",
            "sleeping threads",
            "D threads",
            "read B/req",
            "write B/req",
            "read calls/req",
            "write calls/req",
            "idle CPU cores",
            "idle cs/s",
            "idle runnable threads",
            "syscalls/req (strace run)");
    static final int TOP_SYSCALLS = 5;

    static final String EXPLAINED = """
            From /proc/<pid> of each target launched here. cs/req: context switches per request served, summed over \
            the target's threads (voluntary: a thread gave up the CPU to wait; involuntary: the scheduler took it away). \
            Threads: average count per state over readings taken every 200 ms (runnable R: on a CPU or queued for one; \
            sleeping S: waiting for an event; D: uninterruptible, usually disk). B/req and calls/req: /proc/<pid>/io \
            rchar/wchar and syscr/syscw, which count read/write-family calls (read, readv, write, writev, sendfile...) \
            on files and sockets, not recv/send/sendmsg nor io_uring operations. Idle: CPU cores, context switches \
            per second and runnable threads over a few seconds without load after the target's scenarios (a spinning \
            thread stays runnable even where other processes leave it little CPU). Syscalls: with --syscalls, the \
            most frequent calls per request from a separate run under strace -c -f, which slows the target.""";

    private AnatomyTable() {}

    static List<String> cells(ResultRow r) {
        Anatomy a = r.anatomy();
        List<String> c = new ArrayList<>(List.of(r.target(), r.scenario(), Integer.toString(r.users())));
        c.add(num(a.voluntaryPerRequest(), 2));
        c.add(num(a.involuntaryPerRequest(), 2));
        c.add(num(a.runnableAverage(), 1));
        c.add(num(a.sleepingAverage(), 1));
        c.add(num(a.uninterruptibleAverage(), 1));
        c.add(num(a.readBytesPerRequest(), 0));
        c.add(num(a.writeBytesPerRequest(), 0));
        c.add(num(a.readCallsPerRequest(), 2));
        c.add(num(a.writeCallsPerRequest(), 2));
        c.add(a.idle() == null ? "-" : num(a.idle().cpuCores(), 3));
        c.add(a.idle() == null ? "-" : num(a.idle().contextSwitchesPerSecond(), 0));
        c.add(a.idle() == null ? "-" : num(a.idle().runnableAverage(), 1));
        c.add(syscalls(a.syscalls()));
        return c;
    }

    static String syscalls(SyscallCounts s) {
        if (s == null) {
            return "-";
        }
        if (s.error() != null) {
            return "not counted: " + s.error();
        }
        return s.perRequest().entrySet().stream()
                .limit(TOP_SYSCALLS)
                .map(e -> e.getKey() + " " + num(e.getValue(), 2))
                .collect(Collectors.joining(", "));
    }

    public static String markdown(List<ResultRow> rows) {
        StringBuilder md =
                new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|---|---|");
        md.append("--:|".repeat(HEADER.size() - 3)).append("---|\n");
        for (ResultRow r : rows) {
            md.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
        }
        return md.toString();
    }

    public static String html(List<ResultRow> rows) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        HEADER.forEach(h -> html.append("<th>").append(HtmlReport.esc(h)).append("</th>"));
        html.append("</tr>\n");
        for (ResultRow r : rows) {
            List<String> cells = cells(r);
            html.append("<tr>");
            for (int i = 0; i < cells.size(); i++) {
                boolean text = i < 2 || i == cells.size() - 1;
                html.append(text ? "<td class=\"l\">" : "<td>")
                        .append(HtmlReport.esc(cells.get(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n<p>")
                .append(HtmlReport.esc(EXPLAINED))
                .append("</p>\n")
                .toString();
    }

    private static String num(Double v, int decimals) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
