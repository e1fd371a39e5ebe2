package dev.iolab.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts as PNG files drawn with JFreeChart: one picture per question a reader asks of the run. */
public final class Charts {

    /** A chart written to disk, with what it shows. */
    public record Chart(String file, String title) {
    }

    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private Charts() {
    }

    /** Draws every chart the rows allow into {@code dir}; returns them in display order. */
    public static List<Chart> draw(Path dir, List<ResultRow> rows) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<Chart> charts = new ArrayList<>();
        List<ResultRow> load = rows.stream().filter(r -> !r.scenario().equals("c10k")).toList();
        bars(dir, charts, "throughput.png", "Throughput (requests/s, higher is better)", "req/s", load,
                r -> r.client().throughputRps(), false);
        for (String scenario : load.stream().map(ResultRow::scenario).distinct().toList()) {
            latency(dir, charts, scenario, load.stream().filter(r -> r.scenario().equals(scenario)).toList());
        }
        bars(dir, charts, "cpu-per-1k.png", "Target CPU per 1,000 requests (ms, lower is better)", "CPU ms",
                load, r -> r.server().cpuMsPer1kRequests(), false);
        bars(dir, charts, "rss.png", "Target peak resident memory (MB)", "MB", rows, r -> r.server().rssPeakMb(), false);
        bars(dir, charts, "threads.png", "Target peak live threads", "threads", rows,
                r -> r.server().threadsPeak() == null ? null : r.server().threadsPeak().doubleValue(), false);
        sweeps(dir, charts, load);
        List<ResultRow> c10k = rows.stream().filter(r -> r.scenario().equals("c10k")).toList();
        if (!c10k.isEmpty()) {
            bars(dir, charts, "c10k-threads.png", "c10k: target threads added per held connection", "threads/connection",
                    c10k, r -> number(r.extra().get("threads_per_connection")), false);
            bars(dir, charts, "c10k-rss.png", "c10k: target memory per held connection (KiB)", "KiB/connection",
                    c10k, r -> number(r.extra().get("rss_kb_per_connection")), false);
        }
        return charts;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String category(ResultRow r, List<ResultRow> all) {
        boolean sweep = all.stream().filter(o -> o.scenario().equals(r.scenario()) && o.target().equals(r.target())).count() > 1;
        return sweep ? r.scenario() + " " + r.users() + "u" : r.scenario();
    }

    private static void bars(Path dir, List<Chart> charts, String file, String title, String axis, List<ResultRow> rows,
                             Function<ResultRow, Double> value, boolean log) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ResultRow r : rows) {
            Double v = value.apply(r);
            if (v != null && !v.isNaN()) {
                data.addValue(v, r.target(), category(r, rows));
            }
        }
        if (data.getRowCount() == 0) {
            return;
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        style(chart.getCategoryPlot());
        if (log) {
            chart.getCategoryPlot().setRangeAxis(logAxis(axis, data));
            ((BarRenderer) chart.getCategoryPlot().getRenderer()).setBase(LOG_FLOOR);
        }
        save(dir, charts, file, title, chart);
    }

    /** Client percentiles per target for one scenario, on a log axis (p50 and max differ by orders of magnitude). */
    private static void latency(Path dir, List<Chart> charts, String scenario, List<ResultRow> rows) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ResultRow r : rows) {
            String target = r.target() + (rows.stream().filter(o -> o.target().equals(r.target())).count() > 1
                    ? " " + r.users() + "u" : "");
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("p50", r.client().p50());
            p.put("p90", r.client().p90());
            p.put("p99", r.client().p99());
            p.put("p99.9", r.client().p999());
            p.put("max", r.client().max());
            // Gatling resolves whole ms: a 0 ms percentile is drawn at 0.1 ms so the log axis can show it
            p.forEach((k, v) -> {
                if (v != null && !v.isNaN()) {
                    data.addValue(Math.max(v, 0.1), k, target);
                }
            });
        }
        if (data.getRowCount() == 0) {
            return;
        }
        String title = scenario + ": client latency percentiles (ms, log scale, lower is better)";
        JFreeChart chart = ChartFactory.createBarChart(title, null, "ms", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart.getCategoryPlot());
        chart.getCategoryPlot().setRangeAxis(logAxis("ms", data));
        // bars grow from the axis floor, not from 0 (which a log axis cannot show)
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setBase(LOG_FLOOR);
        save(dir, charts, "latency-" + scenario + ".png", title, chart);
    }

    /** Throughput against concurrency, one line per target, for scenarios run at several concurrency levels. */
    private static void sweeps(Path dir, List<Chart> charts, List<ResultRow> rows) throws IOException {
        for (String scenario : rows.stream().map(ResultRow::scenario).distinct().toList()) {
            List<ResultRow> of = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            if (of.stream().map(ResultRow::users).distinct().count() < 2) {
                continue;
            }
            XYSeriesCollection data = new XYSeriesCollection();
            for (String target : of.stream().map(ResultRow::target).distinct().toList()) {
                XYSeries series = new XYSeries(target);
                of.stream().filter(r -> r.target().equals(target)).forEach(r -> series.add(r.users(), r.client().throughputRps()));
                data.addSeries(series);
            }
            String title = scenario + ": throughput vs concurrent users";
            JFreeChart chart = ChartFactory.createXYLineChart(title, "concurrent users", "req/s", data,
                    PlotOrientation.VERTICAL, true, false, false);
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesStroke(i, new BasicStroke(2f));
            }
            plot.setRenderer(renderer);
            save(dir, charts, "sweep-" + scenario + ".png", title, chart);
        }
    }

    /** Lowest value a log axis shows: a tenth of Gatling's 1 ms resolution. */
    static final double LOG_FLOOR = 0.1;

    private static LogAxis logAxis(String label, DefaultCategoryDataset data) {
        double max = LOG_FLOOR;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setRange(LOG_FLOOR, max * 2);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        return axis;
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
    }

    private static void save(Path dir, List<Chart> charts, String file, String title, JFreeChart chart) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(dir.resolve(file).toFile(), chart, WIDTH, HEIGHT);
        charts.add(new Chart(dir.getFileName() + "/" + file, title));
    }
}
