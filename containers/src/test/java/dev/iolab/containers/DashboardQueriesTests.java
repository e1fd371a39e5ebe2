package dev.iolab.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTests {

    @Test
    void expandsIomodelAndGrafanaBuiltIns() {
        assertThat(DashboardQueries.expand(
                        "rate(x{iomodel=~\"$iomodel\"}[$__rate_interval]) + y{iomodel=\"${iomodel}\"}", "plain-aio"))
                .isEqualTo("rate(x{iomodel=~\"plain-aio\"}[2m]) + y{iomodel=\"plain-aio\"}");
    }

    @Test
    void queriesEveryPanelAndRowPanelOncePerTaggedIomodel(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.json"), """
                {"uid": "d", "tags": ["iolab", "iomodel:a", "iomodel:b"], "panels": [
                  {"title": "top", "targets": [{"expr": "up{iomodel=~\\"$iomodel\\"}"}]},
                  {"title": "row", "type": "row", "panels": [{"title": "inner", "targets": [{"expr": "x"}, {"expr": ""}]}]}
                ]}""");
        List<String> problems = new ArrayList<>();
        List<DashboardQueries.Query> queries = DashboardQueries.load(dir, problems);
        assertThat(problems).isEmpty();
        assertThat(queries)
                .extracting(DashboardQueries.Query::expr)
                .containsExactly("up{iomodel=~\"a\"}", "up{iomodel=~\"b\"}", "x", "x");
    }

    @Test
    void reportsUntaggedDashboardsAndUnknownVariables(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("untagged.json"), """
                {"uid": "u", "tags": ["iolab"], "panels": [{"title": "p", "targets": [{"expr": "up"}]}]}""");
        Files.writeString(dir.resolve("unknown.json"), """
                {"uid": "k", "tags": ["iomodel:a"], "panels": [{"title": "p", "targets": [{"expr": "up{route=\\"$route\\"}"}]}]}""");
        List<String> problems = new ArrayList<>();
        assertThat(DashboardQueries.load(dir, problems)).isEmpty();
        assertThat(problems)
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("untagged.json", "no iomodel:"))
                .anySatisfy(p -> assertThat(p).contains("unknown.json", "$route"));
    }
}
