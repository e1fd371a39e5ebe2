package dev.iolab.kubernetes.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The committed dashboards hold together as Grafana and the live checker read them: unique uids and panel ids, a grid
 * that neither overflows nor overlaps, only defined variables, only the provisioned datasource, every selector filtered
 * on {@code $iomodel}, tags naming registry ids, and every file packed by the monitoring component.
 */
class DashboardStructureTests {

    private final List<DashboardFiles.File> dashboards = DashboardFiles.all();

    @Test
    void everyGeneratedDashboardIsCommittedAndPackedByTheMonitoringComponent() throws IOException {
        Set<String> committed =
                new TreeSet<>(dashboards.stream().map(DashboardFiles.File::name).toList());
        assertThat(committed)
                .as("k8s/monitoring/dashboards/*.json")
                .isEqualTo(new TreeSet<>(Dashboards.render().keySet()));
        assertThat(new TreeSet<>(packedDashboards()))
                .as("the grafana-dashboards configMapGenerator of " + "k8s/monitoring/kustomization.yaml")
                .isEqualTo(committed);
    }

    @Test
    void uidsAreUniqueAcrossDashboardsAndPanelIdsWithinEach() {
        List<String> uids =
                dashboards.stream().map(d -> d.json().path("uid").asString()).toList();
        assertThat(uids).doesNotContain("").doesNotHaveDuplicates().contains(OverviewDashboard.UID);
        for (DashboardFiles.File dashboard : dashboards) {
            List<Integer> ids =
                    dashboard.panels().stream().map(p -> p.path("id").asInt(-1)).toList();
            assertThat(ids)
                    .as("panel ids of %s", dashboard.name())
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id > 0);
        }
    }

    @Test
    void panelsStayInside24ColumnsAndNeverOverlap() {
        for (DashboardFiles.File dashboard : dashboards) {
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : dashboard.panels()) {
                JsonNode g = panel.path("gridPos");
                int[] box = {
                    g.path("x").asInt(-1),
                    g.path("y").asInt(-1),
                    g.path("w").asInt(0),
                    g.path("h").asInt(0)
                };
                String where = dashboard.name() + " panel " + panel.path("id") + " gridPos " + g;
                assertThat(box[0]).as(where).isGreaterThanOrEqualTo(0);
                assertThat(box[1]).as(where).isGreaterThanOrEqualTo(0);
                assertThat(box[2]).as(where).isPositive();
                assertThat(box[3]).as(where).isPositive();
                assertThat(box[0] + box[2]).as(where + ": right edge").isLessThanOrEqualTo(GridPos.COLUMNS);
                for (int[] other : boxes) {
                    assertThat(overlap(box, other))
                            .as(where + " overlaps %s", java.util.Arrays.toString(other))
                            .isFalse();
                }
                boxes.add(box);
            }
        }
    }

    @Test
    void theOverlapCheckSeesAnOverlap() {
        assertThat(overlap(new int[] {0, 0, 12, 8}, new int[] {11, 7, 13, 8})).isTrue();
        assertThat(overlap(new int[] {0, 0, 12, 8}, new int[] {12, 0, 12, 8})).isFalse();
        assertThat(overlap(new int[] {0, 0, 24, 8}, new int[] {0, 8, 24, 8})).isFalse();
    }

    @Test
    void theOnlyVariableIsAnIomodelQueryAndEveryReferenceIsDefinedOrABuiltin() {
        for (DashboardFiles.File dashboard : dashboards) {
            Set<String> defined = new HashSet<>();
            for (JsonNode variable : dashboard.variables()) {
                defined.add(variable.path("name").asString());
                assertThat(variable.path("type").asString())
                        .as("%s variable type", dashboard.name())
                        .isEqualTo("query");
                String query = variable.path("query").path("query").asString();
                assertThat(PromqlNames.labelValuesMetric(query, Variable.IOMODEL))
                        .as("%s: %s is label_values(<metric>, iomodel)", dashboard.name(), query)
                        .isNotNull();
                assertThat(variable.path("definition").asString()).isEqualTo(query);
            }
            assertThat(defined).as("%s variables", dashboard.name()).containsExactly(Variable.IOMODEL);
            for (String expr : dashboard.exprs()) {
                assertThat(PromqlNames.variables(expr))
                        .as("%s: variables of %s", dashboard.name(), expr)
                        .allMatch(v -> defined.contains(v) || PromqlNames.BUILTINS.contains(v));
            }
        }
    }

    @Test
    void everySelectorFiltersOnTheIomodelVariable() {
        for (DashboardFiles.File dashboard : dashboards) {
            assertThat(dashboard.exprs()).as(dashboard.name()).isNotEmpty();
            for (String expr : dashboard.exprs()) {
                assertThat(PromqlNames.matchers(expr))
                        .as("%s: selectors of %s", dashboard.name(), expr)
                        .isNotEmpty()
                        .allMatch(m -> m.contains("iomodel=~\"$iomodel\""));
                assertThat(PromqlNames.bareIdentifiers(expr))
                        .as("%s: selectors without braces in %s", dashboard.name(), expr)
                        .isEmpty();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDatasourceIsTheProvisionedOne() throws IOException {
        Map<String, Object> provisioning = new Yaml()
                .load(Files.readString(
                        DashboardFiles.MONITORING.resolve("grafana/provisioning/datasources/iolab.yml")));
        List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
        assertThat(datasources).extracting(d -> d.get("uid")).containsExactly(Datasource.PROVISIONED_UID);
        for (DashboardFiles.File dashboard : dashboards) {
            List<String> references = new ArrayList<>();
            collectDatasources(dashboard.json(), references);
            assertThat(references)
                    .as("datasource references in %s", dashboard.name())
                    .isNotEmpty()
                    .allMatch(r -> r.equals("prometheus/" + Datasource.PROVISIONED_UID));
        }
    }

    @Test
    void tagsNameIolabAndOnlyRegistryIds() {
        Set<String> known = new HashSet<>(Target.ids());
        known.add(Target.GATEWAY_ID);
        for (DashboardFiles.File dashboard : dashboards) {
            assertThat(DashboardFiles.list(dashboard.json().path("tags")))
                    .extracting(JsonNode::asString)
                    .as("%s tags", dashboard.name())
                    .contains(Dashboard.TAG);
            assertThat(dashboard.iomodels())
                    .as("%s iomodel tags", dashboard.name())
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .allMatch(known::contains);
        }
    }

    @Test
    void theOverviewCoversEveryTarget() {
        DashboardFiles.File overview = dashboards.stream()
                .filter(d -> d.json().path("uid").asString().equals(OverviewDashboard.UID))
                .findFirst()
                .orElseThrow();
        assertThat(overview.iomodels()).containsExactlyElementsOf(Target.ids());
    }

    /** Axis-aligned boxes {x, y, w, h} share an area. */
    static boolean overlap(int[] a, int[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static void collectDatasources(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("datasource")) {
                    JsonNode ds = field.getValue();
                    references.add(
                            ds.path("type").asString() + "/" + ds.path("uid").asString());
                } else {
                    collectDatasources(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectDatasources(child, references));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> packedDashboards() throws IOException {
        Map<String, Object> kustomization =
                new Yaml().load(Files.readString(DashboardFiles.MONITORING.resolve("kustomization.yaml")));
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.get("configMapGenerator")) {
            if ("grafana-dashboards".equals(generator.get("name"))) {
                return ((List<String>) generator.get("files"))
                        .stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList();
            }
        }
        throw new AssertionError("no grafana-dashboards configMapGenerator in k8s/monitoring/kustomization.yaml");
    }
}
