package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spread of a run of several rounds in the curves: error bars on the sweeps. */
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
