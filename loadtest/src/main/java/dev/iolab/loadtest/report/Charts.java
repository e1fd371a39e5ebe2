package dev.iolab.loadtest.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts as SVG files drawn with JFreeChart: one picture per question a reader asks of the run, each
 * target in its {@link Palette} colour everywhere, the title only in the page's caption, units on every value axis.
 */
public final class Charts {

    /** A chart written to disk, with what it shows (the page's caption: the picture itself carries no title). */
    public record Chart(String file, String title) {}

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    /** Lowest value a log axis shows: a tenth of Gatling's 1 ms resolution. */
    static final double LOG_FLOOR = 0.1;

    static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** How much of a target's colour a client-bound bar keeps: a lower bound, drawn pale. */
    static final int CLIENT_BOUND_ALPHA = 80;

    private Charts() {}

    /** Draws every chart the rows allow into {@code dir}; returns them in display order. */
    public static List<Chart> draw(Path dir, List<ResultRow> rows) throws IOException {
        return draw(dir, rows, List.of());
    }

    /** As above, plus one figure over time per scenario run at one concurrency (sweeps stay curves against users). */
    public static List<Chart> draw(Path dir, List<ResultRow> rows, List<Timeline> timelines) throws IOException {
        return draw(dir, Repeats.single(rows), timelines);
    }

    /** As above for a run of several rounds: bars are medians with min..max error bars. */
    public static List<Chart> draw(Path dir, Repeats repeats, List<Timeline> timelines) throws IOException {
        return draw(dir, repeats, timelines, Map.of());
    }

    /**
     * As above, with every round's timeline of each row ({@code rounds}, by {@link Timeline#key}; the representative
     * among them): the figures over time draw the representative's lines in a band from the min to the max of the
     * rounds, the sweeps each point's min..max as an error bar.
     */
    public static List<Chart> draw(
            Path dir, Repeats repeats, List<Timeline> timelines, Map<String, List<Timeline>> rounds)
            throws IOException {
        List<ResultRow> rows = repeats.rows();
        System.setProperty("java.awt.headless", "true");
        // rotated labels (the value axes) as SVG text, not as glyph outlines: small, crisp and searchable
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        Files.createDirectories(dir);
        List<Chart> charts = new ArrayList<>();
        List<ResultRow> load =
                rows.stream().filter(r -> !r.scenario().equals("c10k")).toList();
        overTime(dir, charts, rows, timelines, rounds);
        bars(
                dir,
                charts,
                "throughput.svg",
                "Throughput per scenario (higher is better; pale bars: client-bound, a lower bound)",
                "throughput (req/s)",
                load,
                r -> r.client().throughputRps(),
                repeats,
                "throughput_rps");
        for (String scenario : load.stream().map(ResultRow::scenario).distinct().toList()) {
            latency(
                    dir,
                    charts,
                    scenario,
                    load.stream().filter(r -> r.scenario().equals(scenario)).toList(),
                    repeats);
        }
        bars(
                dir,
                charts,
                "cpu-per-1k.svg",
                "Target CPU per 1,000 requests (lower is better)",
                "target CPU per 1,000 requests (ms)",
                load,
                r -> r.server().cpuMsPer1kRequests(),
                repeats,
                "server/cpu_ms_per_1k_requests");
        bars(
                dir,
                charts,
                "rss.svg",
                "Target peak resident memory",
                "peak RSS (MB)",
                rows,
                r -> r.server().rssPeakMb(),
                repeats,
                "server/rss_peak_mb");
        bars(
                dir,
                charts,
                "threads.svg",
                "Target peak live threads",
                "peak live threads (count)",
                rows,
                r -> r.server().threadsPeak() == null
                        ? null
                        : r.server().threadsPeak().doubleValue(),
                repeats,
                "server/threads_peak");
        sweeps(dir, charts, load, repeats);
        List<ResultRow> c10k =
                rows.stream().filter(r -> r.scenario().equals("c10k")).toList();
        if (!c10k.isEmpty()) {
            bars(
                    dir,
                    charts,
                    "c10k-threads.svg",
                    "c10k: target threads added per held connection",
                    "threads added per held connection",
                    c10k,
                    r -> number(r.extra().get("threads_per_connection")),
                    repeats,
                    null);
            bars(
                    dir,
                    charts,
                    "c10k-rss.svg",
                    "c10k: target memory added per held connection",
                    "RSS added per held connection (KiB)",
                    c10k,
                    r -> number(r.extra().get("rss_kb_per_connection")),
                    repeats,
                    null);
        }
        return charts;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static String category(ResultRow r, List<ResultRow> all) {
        boolean sweep = all.stream()
                        .filter(o ->
                                o.scenario().equals(r.scenario()) && o.target().equals(r.target()))
                        .count()
                > 1;
        return sweep ? r.scenario() + " " + r.users() + "u" : r.scenario();
    }

    /** One bar per target (its colour) in each scenario's group; client-bound bars pale. */
    private static void bars(
            Path dir,
            List<Chart> charts,
            String file,
            String title,
            String axis,
            List<ResultRow> rows,
            Function<ResultRow, Double> value,
            Repeats repeats,
            String measure)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> pale = new HashSet<>();
        ErrorBarRenderer renderer = new ErrorBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Color c = Palette.color((String) data.getRowKey(row));
                return pale.contains(data.getRowKey(row) + "\n" + data.getColumnKey(column))
                        ? new Color(c.getRed(), c.getGreen(), c.getBlue(), CLIENT_BOUND_ALPHA)
                        : c;
            }
        };
        for (ResultRow r : rows) {
            Double v = value.apply(r);
            if (v != null && !v.isNaN()) {
                data.addValue(v, r.target(), category(r, rows));
                whisker(renderer, repeats, r, measure, r.target(), category(r, rows));
                if (r.flags().contains(Flags.CLIENT_BOUND)) {
                    pale.add(r.target() + "\n" + category(r, rows));
                }
            }
        }
        if (data.getRowCount() == 0) {
            return;
        }
        NumberAxis range = new NumberAxis(axis);
        range.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        if (renderer.hasRanges()) {
            // the whiskers' tops must fit: the axis ranges over the max, not only the medians
            double top = max(data);
            for (ResultRow r : rows) {
                Spread s = measure == null ? null : repeats.spread(r, measure);
                if (s != null && s.max() != null) {
                    top = Math.max(top, s.max());
                }
            }
            range.setAutoRange(false);
            range.setRange(0, top * 1.05);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), range, renderer);
        styleBars(plot);
        save(dir, charts, file, title + spreadNote(renderer, repeats), chart(plot), WIDTH, HEIGHT);
    }

    /** Client percentiles of one scenario, a bar per target in each percentile's group, on a log axis. */
    private static void latency(Path dir, List<Chart> charts, String scenario, List<ResultRow> rows, Repeats repeats)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ErrorBarRenderer renderer = new ErrorBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Palette.color(((String) data.getRowKey(row)).replaceFirst(" \\d+u$", ""));
            }
        };
        Map<String, String> measures = Map.of(
                "p50", "latency_ms/p50",
                "p90", "latency_ms/p90",
                "p99", "latency_ms/p99",
                "p99.9", "latency_ms/p999",
                "max", "latency_ms/max");
        for (ResultRow r : rows) {
            String target = r.target()
                    + (rows.stream().filter(o -> o.target().equals(r.target())).count() > 1
                            ? " " + r.users() + "u"
                            : "");
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("p50", r.client().p50());
            p.put("p90", r.client().p90());
            p.put("p99", r.client().p99());
            p.put("p99.9", r.client().p999());
            p.put("max", r.client().max());
            // Gatling resolves whole ms: a 0 ms percentile is drawn at the floor so the log axis can show it
            p.forEach((k, v) -> {
                if (v != null && !v.isNaN()) {
                    data.addValue(Math.max(v, LOG_FLOOR), target, k);
                    whisker(renderer, repeats, r, measures.get(k), target, k);
                }
            });
        }
        if (data.getRowCount() == 0) {
            return;
        }
        double top = max(data);
        for (ResultRow r : rows) {
            for (String measure : measures.values()) {
                Spread s = repeats.spread(r, measure);
                top = s != null && s.max() != null ? Math.max(top, s.max()) : top;
            }
        }
        // bars grow from the axis floor, not from 0 (which a log axis cannot show)
        renderer.setBase(LOG_FLOOR);
        CategoryPlot plot = new CategoryPlot(
                data, new CategoryAxis("client percentile"), logAxis("client latency (ms, log scale)", top), renderer);
        styleBars(plot);
        save(
                dir,
                charts,
                "latency-" + scenario + ".svg",
                scenario + ": client latency percentiles (lower is better)" + spreadNote(renderer, repeats),
                chart(plot),
                WIDTH,
                HEIGHT);
    }

    /** Puts the min..max of {@code measure} across rounds on the bar of {@code row}, when the run had rounds. */
    private static void whisker(
            ErrorBarRenderer renderer, Repeats repeats, ResultRow row, String measure, String series, String category) {
        Spread s = measure == null ? null : repeats.spread(row, measure);
        if (s != null && s.hasSpread()) {
            renderer.range(series, category, s.min(), s.max());
        }
    }

    /** The caption's word on the error bars. */
    private static String spreadNote(ErrorBarRenderer renderer, Repeats repeats) {
        return renderer.hasRanges()
                ? "; bars are medians of " + repeats.rounds() + " rounds, error bars their min-max"
                : "";
    }

    /**
     * Throughput against concurrency, one line per target, for scenarios run at several concurrency levels; with
     * rounds, each point is the median and carries the min..max of the rounds as an error bar.
     */
    private static void sweeps(Path dir, List<Chart> charts, List<ResultRow> rows, Repeats repeats) throws IOException {
        for (String scenario : rows.stream().map(ResultRow::scenario).distinct().toList()) {
            List<ResultRow> of =
                    rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            if (of.stream().map(ResultRow::users).distinct().count() < 2) {
                continue;
            }
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            boolean ranges = false;
            for (String target : of.stream().map(ResultRow::target).distinct().toList()) {
                YIntervalSeries series = new YIntervalSeries(target);
                for (ResultRow r : of) {
                    if (!r.target().equals(target)) {
                        continue;
                    }
                    double median = r.client().throughputRps();
                    Spread s = repeats.spread(r, "throughput_rps");
                    if (s != null && s.hasSpread()) {
                        series.add(r.users(), median, s.min(), s.max());
                        ranges |= s.max() > s.min();
                    } else {
                        series.add(r.users(), median, median, median);
                    }
                }
                data.addSeries(series);
            }
            NumberAxis users = new NumberAxis("concurrent users (count)");
            NumberAxis rps = new NumberAxis("throughput (req/s)");
            rps.setNumberFormatOverride(new DecimalFormat("#,##0"));
            WhiskerLineRenderer renderer = new WhiskerLineRenderer();
            for (int i = 0; i < data.getSeriesCount(); i++) {
                String target = (String) data.getSeriesKey(i);
                renderer.setSeriesPaint(i, Palette.color(target));
                renderer.setSeriesStroke(i, Palette.stroke(target, 1.6f));
            }
            XYPlot plot = new XYPlot(data, users, rps, renderer);
            styleXY(plot);
            save(
                    dir,
                    charts,
                    "sweep-" + scenario + ".svg",
                    scenario + ": throughput against concurrent users"
                            + (ranges
                                    ? "; points are medians of " + repeats.rounds()
                                            + " rounds, error bars their min-max"
                                    : ""),
                    chart(plot),
                    WIDTH,
                    HEIGHT);
        }
    }

    /** One quantity of the figure over time: its axis label and its series per target. */
    private record Panel(String axis, boolean log, Function<Timeline, XYSeries> series) {}

    static final int PANEL_HEIGHT = 150;

    /** Per scenario one figure, a panel per quantity and a line per target, on the measurement's clock. */
    private static void overTime(
            Path dir,
            List<Chart> charts,
            List<ResultRow> rows,
            List<Timeline> timelines,
            Map<String, List<Timeline>> rounds)
            throws IOException {
        for (String scenario : rows.stream().map(ResultRow::scenario).distinct().toList()) {
            if (rows.stream()
                            .filter(r -> r.scenario().equals(scenario))
                            .map(ResultRow::users)
                            .distinct()
                            .count()
                    > 1) {
                continue;
            }
            List<Timeline> of = timelines.stream()
                    .filter(t -> t.scenario().equals(scenario))
                    .toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Panel> panels = new ArrayList<>(List.of(
                    new Panel("requests (per s)", false, t -> client(t, s -> (double) s.requests())),
                    new Panel("client p50 (ms)", false, t -> client(t, ClientSeconds.Second::p50Ms)),
                    new Panel("client p99 (ms, log scale)", true, t -> client(t, s -> Math.max(LOG_FLOOR, s.p99Ms()))),
                    new Panel("target CPU (cores)", false, t -> server(t, Timeline.Point::cpuCores)),
                    new Panel("RSS (MB)", false, t -> server(t, Timeline.Point::rssMb)),
                    new Panel("live threads (count)", false, t -> server(t, p -> (double) p.threads())),
                    new Panel("GC pauses (ms per s)", false, t -> server(t, Timeline.Point::gcMsPerSecond))));
            if (scenario.equals("c10k")) {
                panels.add(new Panel(
                        "open sockets and files (count, ~ connections held)",
                        false,
                        t -> server(t, p -> p.openFds() < 0 ? null : (double) p.openFds())));
            }
            NumberAxis time = new NumberAxis("time into the measurement (s)");
            fonts(time);
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
            plot.setGap(8);
            // each target's rounds (the line's own among them): with two or more, a band around the line
            Map<Timeline, List<Timeline>> ofRounds = new LinkedHashMap<>();
            for (Timeline t : of) {
                ofRounds.put(t, rounds.getOrDefault(Timeline.key(t.target(), t.scenario(), t.users()), List.of(t)));
            }
            boolean bands = ofRounds.values().stream().anyMatch(r -> r.size() > 1);
            int drawn = 0;
            for (Panel panel : panels) {
                XYSeriesCollection lines = new XYSeriesCollection();
                YIntervalSeriesCollection banded = new YIntervalSeriesCollection();
                Set<String> withBand = new HashSet<>();
                double max = LOG_FLOOR;
                for (Timeline t : of) {
                    XYSeries series = panel.series().apply(t);
                    if (series.getItemCount() == 0) {
                        continue;
                    }
                    lines.addSeries(series);
                    List<XYSeries> each =
                            ofRounds.get(t).stream().map(panel.series()).toList();
                    YIntervalSeries band = band(series, each);
                    banded.addSeries(band);
                    if (each.size() > 1) {
                        withBand.add(t.target());
                    }
                    for (int i = 0; i < band.getItemCount(); i++) {
                        max = Math.max(max, band.getYHighValue(i));
                    }
                }
                if (lines.getSeriesCount() == 0) {
                    continue;
                }
                ValueAxis axis = panel.log() ? logAxis(panel.axis(), max) : new NumberAxis(panel.axis());
                if (axis instanceof NumberAxis n) {
                    n.setAutoRangeIncludesZero(true);
                    n.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
                }
                fonts(axis);
                axis.setLabelFont(TICK_FONT);
                // one round: the lines as they always were; rounds: the same lines, each in its band
                XYPlot sub = bands
                        ? new XYPlot(banded, null, axis, new BandRenderer(banded, withBand))
                        : new XYPlot(lines, null, axis, lines(lines, false));
                styleXY(sub);
                plot.add(sub, 1);
                drawn++;
            }
            if (drawn == 0) {
                continue;
            }
            LegendItemCollection legend = new LegendItemCollection();
            for (Timeline t : of) {
                legend.add(new LegendItem(
                        t.target(),
                        null,
                        null,
                        null,
                        new Line2D.Double(-9, 0, 9, 0),
                        Palette.stroke(t.target(), 2f),
                        Palette.color(t.target())));
            }
            plot.setFixedLegendItems(legend);
            save(
                    dir,
                    charts,
                    "over-time-" + scenario + ".svg",
                    scenario + " over time: requests and client latency per "
                            + "second (Gatling's records), target CPU, memory, threads and GC pauses (200 ms samples)"
                            + (bands
                                    ? "; lines: each target's round shown (throughput nearest the median), shaded: the"
                                            + " min-max of its " + repeats(ofRounds) + " rounds"
                                    : ""),
                    chart(plot),
                    WIDTH,
                    PANEL_HEIGHT * drawn + 90);
        }
    }

    private static XYSeries client(Timeline t, Function<ClientSeconds.Second, Double> value) {
        XYSeries series = new XYSeries(t.target(), true, false);
        for (ClientSeconds.Second s : t.client()) {
            Double v = value.apply(s);
            if (v != null && !v.isNaN()) {
                // plotted at the middle of its second
                series.add(s.second() + 0.5, v);
            }
        }
        return series;
    }

    private static XYSeries server(Timeline t, Function<Timeline.Point, Double> value) {
        XYSeries series = new XYSeries(t.target(), true, false);
        for (Timeline.Point p : t.server()) {
            Double v = value.apply(p);
            if (v != null && !v.isNaN()) {
                series.add(p.t(), v);
            }
        }
        return series;
    }

    /** How many rounds the figure's bands span: the most any target has. */
    private static int repeats(Map<Timeline, List<Timeline>> rounds) {
        return rounds.values().stream().mapToInt(List::size).max().orElse(1);
    }

    /**
     * The line {@code shown} with, at each of its points, the min and max of every round's line there ({@code rounds}
     * holds {@code shown}'s own): a round sampled at other instants is read by linear interpolation, a round that does
     * not reach the instant is left out. The band always holds the line.
     */
    static YIntervalSeries band(XYSeries shown, List<XYSeries> rounds) {
        YIntervalSeries band = new YIntervalSeries(shown.getKey(), true, false);
        for (int i = 0; i < shown.getItemCount(); i++) {
            double x = shown.getX(i).doubleValue();
            double y = shown.getY(i).doubleValue();
            double lo = y;
            double hi = y;
            for (XYSeries round : rounds) {
                Double v = at(round, x);
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            band.add(x, y, lo, hi);
        }
        return band;
    }

    /** The value of a sorted series at {@code x}, linear between its neighbours; null outside its span. */
    static Double at(XYSeries series, double x) {
        int n = series.getItemCount();
        if (n == 0 || x < series.getMinX() || x > series.getMaxX()) {
            return null;
        }
        int i = series.indexOf(x);
        if (i >= 0) {
            return series.getY(i).doubleValue();
        }
        int after = -i - 1; // x lies between after - 1 and after
        double x0 = series.getX(after - 1).doubleValue();
        double x1 = series.getX(after).doubleValue();
        double y0 = series.getY(after - 1).doubleValue();
        double y1 = series.getY(after).doubleValue();
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }

    /** A renderer drawing each series in its target's colour and dash. */
    static XYLineAndShapeRenderer lines(XYSeriesCollection data, boolean shapes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
        // one SVG path per series instead of one element per segment: a 30 s figure stays small
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String target = (String) data.getSeriesKey(i);
            renderer.setSeriesPaint(i, Palette.color(target));
            renderer.setSeriesStroke(i, Palette.stroke(target, 1.6f));
        }
        return renderer;
    }

    static double max(DefaultCategoryDataset data) {
        double max = LOG_FLOOR;
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                Number v = data.getValue(r, c);
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        return max;
    }

    /** A base-10 log axis from {@link #LOG_FLOOR}; its label says "log scale". */
    static LogAxis logAxis(String label, double max) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setRange(LOG_FLOOR, Math.max(max, 1) * 2);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        // one tick per decade (0.1, 1, 10, 100 ...): a log axis read like any other
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        fonts(axis);
        return axis;
    }

    private static void styleBars(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setOutlineVisible(false);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        // the legend shows each series in its target's colour, not the renderer's default sequence
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            renderer.setSeriesPaint(
                    i, Palette.color(((String) plot.getDataset().getRowKey(i)).replaceFirst(" \\d+u$", "")));
        }
        fonts(plot.getRangeAxis());
        plot.getDomainAxis().setLabelFont(AXIS_FONT);
        plot.getDomainAxis().setTickLabelFont(TICK_FONT);
    }

    static void styleXY(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setOutlinePaint(Color.LIGHT_GRAY);
        if (plot.getDomainAxis() != null) {
            fonts(plot.getDomainAxis());
        }
        fonts(plot.getRangeAxis());
    }

    static void fonts(ValueAxis axis) {
        axis.setLabelFont(AXIS_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /** A chart without a title (the page's caption is the title), legend below without a frame. */
    static JFreeChart chart(org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(TICK_FONT);
        return chart;
    }

    /** Writes {@code chart} as an SVG document (text stays text: small, crisp, searchable). */
    static void save(Path dir, List<Chart> charts, String file, String title, JFreeChart chart, int width, int height)
            throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // the element without the SVG 1.1 DOCTYPE: nothing for a reader or parser to fetch
        Files.writeString(
                dir.resolve(file), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n");
        charts.add(new Chart(dir.getFileName() + "/" + file, title));
    }
}
