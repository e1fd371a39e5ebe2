package dev.iolab.kubernetes.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed dashboard JSON is exactly what the Java model generates; a stale file fails with its line diff. */
class DashboardGeneratorTests {

    @Test
    void committedDashboardsAreCurrent() {
        for (Map.Entry<String, String> file : Dashboards.render().entrySet()) {
            Path path = DashboardFiles.DIR.resolve(file.getKey());
            assertThat(path).as("missing; run " + Dashboards.REGENERATE).exists();
            // hasContent reports the differing lines, so the failure shows what the regeneration would change
            assertThat(path)
                    .as(path + " is stale; run " + Dashboards.REGENERATE)
                    .usingCharset(StandardCharsets.UTF_8)
                    .hasContent(file.getValue());
        }
    }

    @Test
    void renderingIsStable() {
        assertThat(Dashboards.render()).isEqualTo(Dashboards.render());
    }
}
