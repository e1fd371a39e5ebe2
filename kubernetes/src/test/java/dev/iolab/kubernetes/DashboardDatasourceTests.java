package dev.iolab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Every dashboard the monitoring component packs queries the one datasource Grafana is provisioned with. */
class DashboardDatasourceTests {

    private static final Path MONITORING = Path.of("..", "k8s", "monitoring");
    private static final Pattern DATASOURCE_UID =
            Pattern.compile("\"datasource\"\\s*:\\s*\\{[^}]*\"uid\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsUseTheProvisionedDatasourceUid() throws IOException {
        Map<String, Object> provisioning = new Yaml().load(
                Files.readString(MONITORING.resolve("grafana/provisioning/datasources/iolab.yml")));
        List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
        assertThat(datasources).extracting(d -> d.get("uid")).contains("iolab-prometheus");

        List<String> uids = new ArrayList<>();
        try (Stream<Path> dashboards = Files.list(MONITORING.resolve("dashboards"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                Matcher m = DATASOURCE_UID.matcher(Files.readString(dashboard));
                while (m.find()) {
                    uids.add(dashboard.getFileName() + " " + m.group(1));
                }
            }
        }
        // a template variable (${datasource}) would also do, but iolab provisions exactly one datasource
        assertThat(uids).as("datasource references in the dashboards").isNotEmpty()
                .allMatch(u -> u.endsWith(" iolab-prometheus"));
    }
}
