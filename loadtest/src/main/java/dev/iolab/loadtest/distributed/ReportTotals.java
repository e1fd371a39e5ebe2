package dev.iolab.loadtest.distributed;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The request totals a finished Gatling report states: Gatling 3.14 writes no stats.json, its numbers are the
 * "All Requests" row ({@code tr#ROOT}) of the statistics table in index.html, read here as a reader of the report sees them.
 */
public record ReportTotals(long requests, long ok, long ko) {

    /** Reads {@code index.html} of the report in {@code reportDirectory}; fails when the row or a cell is missing. */
    public static ReportTotals read(Path reportDirectory) throws IOException {
        Path index = reportDirectory.resolve("index.html");
        Document document = Jsoup.parse(index.toFile());
        Element all = document.selectFirst("tr#ROOT");
        if (all == null) {
            throw new IOException(index + " has no 'All Requests' row (tr#ROOT): not a Gatling 3.14 report?");
        }
        return new ReportTotals(cell(all, "total", index), cell(all, "ok", index), cell(all, "ko", index));
    }

    // the first cell of each class is the count: the KO percentage after it is also a "ko" cell
    private static long cell(Element row, String kind, Path index) throws IOException {
        Element cell = row.selectFirst("td.value." + kind);
        if (cell == null) {
            throw new IOException(index + ": the All Requests row has no " + kind + " count");
        }
        return Long.parseLong(cell.text().trim());
    }
}
