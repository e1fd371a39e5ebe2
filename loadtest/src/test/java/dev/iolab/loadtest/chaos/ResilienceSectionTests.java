package dev.iolab.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.loadtest.report.ResilienceSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The section shows every attack row, the kill's numbers and the problems, in Markdown and in HTML. */
class ResilienceSectionTests {

    static Resilience fixture() {
        Resilience.Target good = ResilienceTests.target(
                List.of(
                        ResilienceTests.attack("slowloris", 0, 21.04, true),
                        ResilienceTests.attack("slow-reader", 0, null, false)),
                0,
                List.of(),
                ResilienceTests.kill());
        Resilience.Target bad = new Resilience.Target(
                "mvc-platform",
                "gateway/mvc-platform",
                5.0,
                List.of(ResilienceTests.attack("never-reading-sender", 4, 20.0, true)),
                900.0,
                300,
                4,
                "management port",
                1300.0,
                40,
                3,
                200,
                80.0,
                List.of(),
                null,
                null);
        return new Resilience(List.of(good, bad, Resilience.Target.failed("plain-aio", "plain-aio", "a <b> jar")));
    }

    @Test
    void markdownHasARowPerAttackAndPerTarget() {
        String md = ResilienceSection.markdown(fixture());
        assertThat(md)
                .contains("## Resilience")
                .contains("| plain-epoll | slowloris | 4 | 21.0 | 75 | 13 | 0 | +3 | +2 |")
                .contains("| plain-epoll | slow-reader | 4 | – (2 open) | 75 |")
                .contains("| plain-epoll | 2 | 3 | 0 of 400 | 40 | 0 of 60 | 12 | 900 | 1100 | 7 | none |")
                .contains("| gateway/mvc-platform | 5 | 900 | 4 of 300 | 1300 | 3 of 40 | – | – | – | – |"
                        + " never-reading-sender: 4 normal requests failed; 3 of 40 health polls failed or took over"
                        + " 1 s |")
                .contains("| plain-aio | not measured: a <b> jar |");
    }

    @Test
    void htmlIsEscapedAndFlagsProblems() {
        StringBuilder html = new StringBuilder();
        ResilienceSection.render(html, fixture());
        assertThat(html.toString())
                .contains("<h2>Resilience</h2>")
                .contains("not measured: a &lt;b&gt; jar")
                .doesNotContain("a <b> jar")
                .contains("<td class=\"flag\">never-reading-sender: 4 normal requests failed")
                .contains("<td class=\"l\">none</td>");
        assertThat(ResilienceSection.page("20261203-000000-chaos", fixture()))
                .startsWith("<!DOCTYPE html>")
                .contains("<h1>iolab chaos 20261203-000000-chaos</h1>")
                .endsWith("</body>\n</html>\n");
    }
}
