package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.loadtest.anatomy.Anatomy;
import dev.iolab.loadtest.anatomy.SyscallCounts;
import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWriterTests {

    static RunInfo run() {
        return new RunInfo(
                "20260101-000000",
                "2026-01-01T00:00:00Z",
                Map.of("host", "test"),
                2,
                Map.of("enabled", true, "note", "target on CPU 1, load generator on CPU 0"),
                "JDK 25",
                "abc123",
                "quick",
                "gatling",
                Map.of("gatling", "3.14.9"),
                3,
                5,
                List.of());
    }

    static List<ResultRow> rows() {
        ServerNumbers server = new ServerNumbers(1000L, 1.0, 1.0, 120.0, 40, 0.2, 1.5, 1L, 3.0);
        return List.of(
                new ResultRow(
                        "mvc-platform",
                        "delay",
                        "gatling",
                        100,
                        0,
                        new ClientNumbers(1000, 1000, 0, 950, 101, 102, 110, 120, 130, 5),
                        server,
                        0.3,
                        0.9,
                        List.of(),
                        "gatling/mvc-platform-delay/index.html",
                        Map.of()),
                new ResultRow(
                        "webflux-epoll",
                        "delay",
                        "gatling",
                        100,
                        0,
                        new ClientNumbers(1000, 1000, 0, 980, 100, 101, 105, 108, 111, 5),
                        server,
                        0.3,
                        0.9,
                        List.of("client-bound"),
                        null,
                        Map.of()),
                new ResultRow(
                        "plain-epoll",
                        "c10k",
                        "gatling",
                        1,
                        0,
                        new ClientNumbers(1000, 1000, 0, 200, 0, 1, 1, 2, 3, 5),
                        server,
                        0.1,
                        0.2,
                        List.of(),
                        null,
                        Map.of("connections_held", 1000, "threads_per_connection", 0.0, "rss_kb_per_connection", 3.5)));
    }

    static Anatomy anatomy() {
        return new Anatomy(
                1000,
                2.5,
                0.25,
                25,
                1.2,
                40.0,
                0.0,
                41.2,
                0,
                33_000.0,
                500.0,
                2.0,
                1.0,
                new Anatomy.Idle(3.0, 0.987, 12.0, 1.0),
                SyscallCounts.parse("syscall calls errors\nread 2000 10\nwrite 1000\nepoll_wait 500\n", 1000, 2.0),
                null);
    }

    @Test
    void everyRowCarriesTheAnatomyKeysAndTheReportItsTable(@TempDir Path results) throws Exception {
        Path runDir = results.resolve("20260101-000000");
        List<ResultRow> rows = new java.util.ArrayList<>(rows());
        rows.set(0, rows.get(0).withAnatomy(anatomy()));
        ReportWriter.write(runDir, run(), rows);

        JsonNode json =
                new ObjectMapper().readTree(runDir.resolve("comparison.json").toFile());
        JsonNode a = json.at("/results/0/anatomy");
        assertThat(a.at("/context_switches_per_request/voluntary").asDouble()).isEqualTo(2.5);
        assertThat(a.at("/threads_sampled/runnable_avg").asDouble()).isEqualTo(1.2);
        assertThat(a.at("/io_per_request/read_bytes").asDouble()).isEqualTo(33_000);
        assertThat(a.at("/idle/cpu_cores").asDouble()).isEqualTo(0.987);
        assertThat(a.at("/syscalls/per_request/read").asDouble()).isEqualTo(2.0);
        assertThat(a.at("/syscalls/total_per_request").asDouble()).isEqualTo(3.5);
        assertThat(a.at("/syscalls/throughput_rps").asDouble()).isEqualTo(500);
        for (JsonNode row : json.get("results")) {
            // the same keys on every row, null where not measured, with the reason
            assertThat(row.get("anatomy").fieldNames())
                    .toIterable()
                    .containsExactly(
                            "source",
                            "note",
                            "requests",
                            "context_switches_per_request",
                            "threads_sampled",
                            "io_per_request",
                            "idle",
                            "syscalls");
        }
        assertThat(json.at("/results/1/anatomy/note").asText()).isEqualTo("not measured");
        assertThat(json.at("/results/1/anatomy/idle/cpu_cores").isNull()).isTrue();

        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html)
                .contains(
                        "<h2>How each model waits</h2>",
                        "<td>2.50</td>",
                        "<td>0.987</td>",
                        "read 2.00, write 1.00, epoll_wait 0.50");
        assertThat(Files.readString(runDir.resolve("comparison.md")))
                .contains(
                        "| mvc-platform | delay | 100 | 2.50 | 0.25 | 1.2 | 40.0 | 0.0 | 33,000 | 500 | 2.00 | 1.00 | 0.987 | 12 | 1.0 |");
    }

    @Test
    void writesJsonMarkdownChartsHtmlAndLatest(@TempDir Path results) throws Exception {
        Path runDir = results.resolve("20260101-000000");
        ReportWriter.write(runDir, run(), rows());

        JsonNode json =
                new ObjectMapper().readTree(runDir.resolve("comparison.json").toFile());
        assertThat(json.at("/run/pinning/note").asText()).contains("CPU 1");
        assertThat(json.get("results")).hasSize(3);
        JsonNode first = json.at("/results/0");
        assertThat(first.get("throughput_rps").asDouble()).isEqualTo(950);
        assertThat(first.at("/latency_ms/p999").asDouble()).isEqualTo(120);
        assertThat(first.at("/server/latency_ms/p99").asDouble()).isEqualTo(1.5);
        assertThat(first.at("/server/cpu_share").asDouble()).isEqualTo(0.9);
        assertThat(json.at("/results/1/flags/0").asText()).isEqualTo("client-bound");
        assertThat(json.at("/results/2/c10k/connections_held").asInt()).isEqualTo(1000);

        assertThat(Files.readString(runDir.resolve("comparison.md")))
                .contains(
                        "| mvc-platform | delay | 100 |",
                        "- delay: ",
                        "client-bound (lower bounds, not ranked): webflux-epoll");
        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html)
                .contains("charts/throughput.svg", "charts/latency-delay.svg", "charts/c10k-threads.svg")
                .doesNotContain("src=\"http", "href=\"http");
        assertThat(referencedChartsParseAsSvg(runDir, html)).isGreaterThanOrEqualTo(6);
        // units on the axes, log scales said so, as SVG text; no title inside the picture (the caption is the title)
        assertThat(Files.readString(runDir.resolve("charts/throughput.svg")))
                .contains(">throughput (req/s)<")
                .doesNotContain("Throughput per scenario");
        assertThat(Files.readString(runDir.resolve("charts/latency-delay.svg")))
                .contains(">client latency (ms, log scale)<");
        // the summary comes first: a matrix per scenario, the best marked, the client-bound row named with its command
        assertThat(html.indexOf("<h2>Summary</h2>")).isLessThan(html.indexOf("<h2>Results</h2>"));
        assertThat(html)
                .contains(
                        "<table class=\"matrix\">",
                        "&#9733;",
                        "./iolab compare --engine wrk --targets webflux-epoll --scenarios delay --concurrency 100");
        assertThat(Files.readSymbolicLink(results.resolve("latest"))).isEqualTo(Path.of("20260101-000000"));
    }

    @Test
    void repeatedRunShowsMediansWithTheirSpreadInJsonMatrixAndCharts(@TempDir Path results) throws Exception {
        Path runDir = results.resolve("20260101-000000");
        ReportWriter.write(runDir, run(), BaselineTests.twoRounds(1), Map.of(), null);

        JsonNode json =
                new ObjectMapper().readTree(runDir.resolve("comparison.json").toFile());
        assertThat(json.at("/run/rounds").asInt()).isEqualTo(2);
        assertThat(json.at("/run/measurement_of_record").asText()).contains("median of 2 alternating rounds");
        JsonNode plain = json.at("/results/0");
        assertThat(plain.get("throughput_rps").asDouble())
                .as("the row holds the median")
                .isEqualTo(10100);
        JsonNode rps = plain.at("/repeats/metrics/throughput_rps");
        assertThat(rps.get("values").toString()).isEqualTo("[10000.0,10200.0]");
        assertThat(rps.get("min").asDouble()).isEqualTo(10000);
        assertThat(rps.get("max").asDouble()).isEqualTo(10200);
        assertThat(rps.get("spread_pct").asDouble()).isEqualTo(1.98);
        assertThat(plain.at("/repeats/metrics/latency_ms~1p99/values").toString())
                .isEqualTo("[10.0,11.0]");
        assertThat(plain.at("/repeats/round_shown").asInt()).isEqualTo(1);

        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html)
                .contains("median of 2 alternating rounds", "<span class=\"spread\">range 10,000&#8211;10,200</span>")
                .doesNotContain("A single run:");
        assertThat(html).contains("bars are medians of 2 rounds, error bars their min-max");
        // the whiskers, in their own dark grey (no target has it)
        assertThat(Files.readString(runDir.resolve("charts/throughput.svg"))).contains("rgb(51,51,51)");
        assertThat(referencedChartsParseAsSvg(runDir, html)).isPositive();
        assertThat(Files.readString(runDir.resolve("comparison.md"))).contains("median of 2 alternating rounds");
    }

    @Test
    void aSingleRunSaysItIsNotAMeasurementOfRecord(@TempDir Path results) throws Exception {
        Path runDir = results.resolve("20260101-000000");
        ReportWriter.write(runDir, run(), rows());
        JsonNode json =
                new ObjectMapper().readTree(runDir.resolve("comparison.json").toFile());
        assertThat(json.at("/run/rounds").asInt()).isEqualTo(1);
        assertThat(json.at("/run/measurement_of_record").asText()).startsWith("no: a single run on a shared machine");
        assertThat(json.at("/results/0/repeats/metrics/throughput_rps/spread_pct")
                        .isNull())
                .isTrue();
        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html)
                .contains("<b>A single run:</b> on a shared machine one run is not a measurement of record")
                .doesNotContain("class=\"spread\"", "error bars");
        assertThat(Files.readString(runDir.resolve("charts/throughput.svg"))).doesNotContain("rgb(51,51,51)");
        assertThat(Files.readString(runDir.resolve("comparison.md")))
                .contains("A single run: on a shared machine one run is not a measurement of record");
    }

    @Test
    void againstABaselineEachNumberHasItsChangeAndVerdict(@TempDir Path results) throws Exception {
        Path base = results.resolve("20260101-000000");
        ReportWriter.write(base, run(), BaselineTests.twoRounds(1), Map.of(), null);
        Repeats now = BaselineTests.twoRounds(1.2);
        Path runDir = results.resolve("20260102-000000");
        ReportWriter.write(runDir, run(), now, Map.of(), BaselineDiff.of(Baseline.read(base), now));

        JsonNode b = new ObjectMapper()
                .readTree(runDir.resolve("comparison.json").toFile())
                .get("baseline");
        assertThat(b.get("id").asText()).isEqualTo("20260101-000000");
        assertThat(b.get("run_dir").asText()).isEqualTo(base.toString());
        JsonNode rps = b.at("/rows/0/metrics/throughput_rps");
        assertThat(b.at("/rows/0/target").asText()).isEqualTo("plain-epoll");
        assertThat(rps.get("ratio").asDouble()).isEqualTo(1.2);
        assertThat(rps.get("change_pct").asDouble()).isEqualTo(20.0);
        assertThat(rps.get("verdict").asText()).isEqualTo("real");
        assertThat(b.at("/rows/1/metrics/throughput_rps/verdict").asText()).isEqualTo("within noise");
        assertThat(b.get("only_in_baseline")).isEmpty();

        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html.indexOf("<h2>Against the baseline run 20260101-000000</h2>"))
                .isGreaterThan(html.indexOf("<h2>Summary</h2>"))
                .isLessThan(html.indexOf("<h2>Run</h2>"));
        assertThat(html)
                .contains(
                        "<table class=\"baseline\">",
                        "<th>throughput req/s &#8593;</th>",
                        "<td class=\"real-better\"",
                        "10,100 &#8594; 12,120<span class=\"ratio\">+20.0% real, better</span>",
                        "+0.0% within noise");
        assertThat(Files.readString(runDir.resolve("comparison.md")))
                .contains(
                        "## Against the baseline run 20260101-000000",
                        "| plain-epoll | echo | 64 | +20.0% real, better |");
    }

    @Test
    void singleRunsAgainstEachOtherAreUnknownAndMissingRowsListed(@TempDir Path results) throws Exception {
        Path base = results.resolve("20260101-000000");
        ReportWriter.write(base, run(), rows());
        Repeats now = Repeats.single(List.of(rows().get(0)));
        Path runDir = results.resolve("20260102-000000");
        ReportWriter.write(runDir, run(), now, Map.of(), BaselineDiff.of(Baseline.read(base), now));

        JsonNode b = new ObjectMapper()
                .readTree(runDir.resolve("comparison.json").toFile())
                .get("baseline");
        assertThat(b.at("/rows/0/metrics/throughput_rps/verdict").asText()).isEqualTo("unknown");
        assertThat(b.at("/rows/0/metrics/throughput_rps/reason").asText()).contains("not a measurement");
        assertThat(b.at("/verdicts/real").asInt()).isZero();
        assertThat(b.get("only_in_baseline").toString())
                .isEqualTo("[\"webflux-epoll/delay/100\",\"plain-epoll/c10k/1\"]");
        String html = Files.readString(runDir.resolve("index.html"));
        assertThat(html)
                .contains(
                        "every verdict is unknown (not a measurement)",
                        "+0.0% unknown",
                        "Only in the baseline (not compared): webflux-epoll/delay/100, plain-epoll/c10k/1");
    }

    /** Every chart index.html references exists and parses as an SVG document; returns how many there are. */
    static int referencedChartsParseAsSvg(Path runDir, String html) throws Exception {
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int charts = 0;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // offline: a chart that names a DTD must still parse, and is not fetched
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        while (img.find()) {
            Path chart = runDir.resolve(img.group(1));
            assertThat(chart).as("chart referenced by index.html").isRegularFile();
            assertThat(chart.toString()).endsWith(".svg");
            Document svg = factory.newDocumentBuilder().parse(chart.toFile());
            assertThat(svg.getDocumentElement().getLocalName())
                    .as(chart.toString())
                    .isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            charts++;
        }
        return charts;
    }
}
