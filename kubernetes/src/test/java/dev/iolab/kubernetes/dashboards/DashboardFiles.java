package dev.iolab.kubernetes.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed dashboards as the live checker and Grafana read them: JSON files, not the Java model. */
final class DashboardFiles {

    static final Path MONITORING = Path.of("..", "k8s", "monitoring");
    static final Path DIR = MONITORING.resolve("dashboards");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One committed dashboard: its file and its JSON tree. */
    record File(Path path, JsonNode json) {

        String name() {
            return path.getFileName().toString();
        }

        List<JsonNode> panels() {
            return list(json.path("panels"));
        }

        /** Every {@code panels[].targets[].expr}. */
        List<String> exprs() {
            List<String> exprs = new ArrayList<>();
            for (JsonNode panel : panels()) {
                for (JsonNode target : list(panel.path("targets"))) {
                    exprs.add(target.path("expr").asString());
                }
            }
            return exprs;
        }

        List<JsonNode> variables() {
            return list(json.path("templating").path("list"));
        }

        /** The {@code iomodel:<id>} tags: the ids every panel must return data for. */
        List<String> iomodels() {
            return list(json.path("tags")).stream()
                    .map(JsonNode::asString)
                    .filter(t -> t.startsWith(Dashboard.IOMODEL_TAG_PREFIX))
                    .map(t -> t.substring(Dashboard.IOMODEL_TAG_PREFIX.length()))
                    .toList();
        }
    }

    private DashboardFiles() {}

    static List<File> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<File> dashboards = new ArrayList<>();
            for (Path path :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new File(path, JSON.readTree(Files.readString(path))));
            }
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
