package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spread of a run of several rounds in the curves: error bars on the sweeps, bands around the lines over time. */
class ChartsTests {

    @TempDir
    Path dir;

    /** Three rounds of echo at 16 and 64 users: plain-epoll varies in every point, mvc-virtual not at 64. */
    static Repeats threeRoundSweep() {
        double[][] plain = {{5000, 5400, 5200}, {9000, 10000, 9500}};
        double[][] mvc = {{4000, 4100, 4050}, {7000, 7000, 7000}};
        List<List<ResultRow>> rounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            rounds.add(List.of(
                    FindingsTests.row("plain-epoll", "echo", 16, plain[0][round], 5, 12, List.of()),
                    FindingsTests.row("plain-epoll", "echo", 64, plain[1][round], 9, 12, List.of()),
                    FindingsTests.row("mvc-virtual", "echo", 16, mvc[0][round], 6, 40, List.of()),
                    FindingsTests.row("mvc-virtual", "echo", 64, mvc[1][round], 12, 90, List.of())));
        }
        return Repeats.of(rounds);
    }

    @Test
    void aSweepOfThreeRoundsDrawsEachPointsMinMaxInTheTargetsColour() throws IOException {
        List<Charts.Chart> charts = Charts.draw(dir, threeRoundSweep(), List.of());

        String svg = Files.readString(dir.resolve("sweep-echo.svg"));
        List<String> ranges = groups(svg, "range");
        assertThat(ranges)
                .as("one error bar per point whose rounds differ: not mvc-virtual at 64, whose rounds agree")
                .containsExactlyInAnyOrder(
                        "data-target='plain-epoll' data-x='16' data-min='5000' data-max='5400'",
                        "data-target='plain-epoll' data-x='64' data-min='9000' data-max='10000'",
                        "data-target='mvc-virtual' data-x='16' data-min='4000' data-max='4100'");
        assertThat(groupBody(svg, "range", "plain-epoll")).contains(rgb(Palette.color("plain-epoll")));
        assertThat(groupBody(svg, "range", "mvc-virtual")).contains(rgb(Palette.color("mvc-virtual")));
        assertThat(caption(charts, "sweep-echo.svg"))
                .isEqualTo("echo: throughput against concurrent users; points are medians of 3 rounds, error bars"
                        + " their min-max");
    }

    @Test
    void aSweepOfOneRoundDrawsNoErrorBars() throws IOException {
        List<ResultRow> rows = threeRoundSweep().rows();
        List<Charts.Chart> charts = Charts.draw(dir, rows);

        assertThat(Files.readString(dir.resolve("sweep-echo.svg"))).doesNotContain("class='range'");
        assertThat(caption(charts, "sweep-echo.svg")).isEqualTo("echo: throughput against concurrent users");
    }

    /** One round's timeline: {@code level} scales every quantity, {@code shift} moves the 200 ms samples in time. */
    static Timeline timeline(String target, double level, double shift) {
        List<ClientSeconds.Second> client = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            client.add(new ClientSeconds.Second(s, (int) (1000 * level), 2 * level, 9 * level));
        }
        List<Timeline.Point> server = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            server.add(
                    new Timeline.Point(0.2 * i + shift, 0.8 * level, 100 * level, (int) (20 * level), 30, 5 * level));
        }
        return new Timeline(target, "echo", 64, client, server);
    }

    /** Three rounds of echo at 64 users for two targets; round 2 (index 1) is the median of both. */
    static Repeats threeRounds() {
        List<List<ResultRow>> rounds = new ArrayList<>();
        double[] rps = {9000, 9500, 10000};
        for (double r : rps) {
            rounds.add(List.of(
                    FindingsTests.row("plain-epoll", "echo", 64, r, 9, 12, List.of()),
                    FindingsTests.row("mvc-virtual", "echo", 64, r * 0.7, 12, 90, List.of())));
        }
        return Repeats.of(rounds);
    }

    @Test
    void overTimeWithRoundsDrawsABandPerTargetAndPanelInTheTargetsColour() throws IOException {
        Repeats repeats = threeRounds();
        Map<String, List<Timeline>> rounds = Map.of(
                Timeline.key("plain-epoll", "echo", 64),
                        List.of(
                                timeline("plain-epoll", 0.9, 0.05),
                                timeline("plain-epoll", 1.0, 0),
                                timeline("plain-epoll", 1.2, 0.1)),
                Timeline.key("mvc-virtual", "echo", 64),
                        List.of(
                                timeline("mvc-virtual", 0.5, 0.05),
                                timeline("mvc-virtual", 0.6, 0),
                                timeline("mvc-virtual", 0.55, 0.1)));
        List<Timeline> shown = List.of(timeline("plain-epoll", 1.0, 0), timeline("mvc-virtual", 0.6, 0));

        List<Charts.Chart> charts = Charts.draw(dir, repeats, shown, rounds);

        String svg = Files.readString(dir.resolve("over-time-echo.svg"));
        // requests, p50, p99, CPU, RSS, threads, GC: a band per target in each of the 7 panels
        assertThat(groups(svg, "band"))
                .filteredOn(g -> g.equals("data-target='plain-epoll'"))
                .hasSize(7);
        assertThat(groups(svg, "band"))
                .filteredOn(g -> g.equals("data-target='mvc-virtual'"))
                .hasSize(7);
        // filled in the target's own colour, translucent
        assertThat(groupBody(svg, "band", "plain-epoll"))
                .contains("fill:" + rgb(Palette.color("plain-epoll")) + ";fill-opacity:0.2");
        assertThat(groupBody(svg, "band", "mvc-virtual"))
                .contains("fill:" + rgb(Palette.color("mvc-virtual")) + ";fill-opacity:0.2");
        assertThat(caption(charts, "over-time-echo.svg"))
                .endsWith("; lines: each target's round shown (throughput nearest the median), shaded: the min-max"
                        + " of its 3 rounds");
    }

    @Test
    void overTimeOfOneRoundDrawsTheLinesWithoutBands() throws IOException {
        Repeats repeats = Repeats.single(threeRounds().rows());
        List<Timeline> shown = List.of(timeline("plain-epoll", 1.0, 0), timeline("mvc-virtual", 0.6, 0));

        List<Charts.Chart> charts = Charts.draw(dir, repeats, shown);

        String svg = Files.readString(dir.resolve("over-time-echo.svg"));
        assertThat(svg).doesNotContain("class='band'", "fill-opacity:0.2");
        assertThat(svg).contains(rgb(Palette.color("plain-epoll")), rgb(Palette.color("mvc-virtual")));
        assertThat(caption(charts, "over-time-echo.svg")).doesNotContain("shaded");
    }

    @Test
    void theBandHoldsEveryRoundAtTheShownLinesInstants() {
        XYSeries shown = series(0, 10, 1, 20, 2, 30);
        // sampled at other instants: read between its samples, left out beyond them
        XYSeries shifted = series(0.5, 5, 1.5, 45);
        XYSeries lower = series(0, 12, 2, 28);

        YIntervalSeries band = Charts.band(shown, List.of(shown, shifted, lower));

        assertThat(band.getItemCount()).isEqualTo(3);
        assertThat(band.getYValue(0)).isEqualTo(10);
        assertThat(band.getYLowValue(0)).isEqualTo(10);
        assertThat(band.getYHighValue(0)).isEqualTo(12);
        assertThat(band.getYValue(1)).isEqualTo(20);
        assertThat(band.getYLowValue(1)).isEqualTo(20);
        assertThat(band.getYHighValue(1)).isEqualTo(25);
        assertThat(band.getYLowValue(2)).isEqualTo(28);
        assertThat(band.getYHighValue(2)).isEqualTo(30);
    }

    static XYSeries series(double... xy) {
        XYSeries s = new XYSeries("plain-epoll", true, false);
        for (int i = 0; i < xy.length; i += 2) {
            s.add(xy[i], xy[i + 1]);
        }
        return s;
    }

    /** The attributes after {@code class='kind'} of every such group, in order. */
    static List<String> groups(String svg, String kind) {
        Matcher m = Pattern.compile("<g class='" + kind + "' ([^>]*)>").matcher(svg);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** What the first group of {@code kind} for {@code target} draws. */
    static String groupBody(String svg, String kind, String target) {
        Matcher m = Pattern.compile("<g class='" + kind + "' data-target='" + target + "'[^>]*>(.*?)</g>")
                .matcher(svg);
        assertThat(m.find()).as(kind + " of " + target).isTrue();
        return m.group(1);
    }

    static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    static String caption(List<Charts.Chart> charts, String file) {
        return charts.stream()
                .filter(c -> c.file().endsWith("/" + file))
                .findFirst()
                .orElseThrow()
                .title();
    }
}
