package dev.iolab.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression of every panel of the dashboards under {@code k8s/monitoring/dashboards}, expanded once per
 * {@code iomodel} the dashboard declares it applies to (its {@code iomodel:<id>} tags), with Grafana's built-in
 * intervals replaced by fixed ones, as Grafana would send them to Prometheus.
 */
final class DashboardQueries {

    /** What Grafana puts for its built-ins; rate windows wide enough to cover a short load burst and 2 s scrapes. */
    static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "2m", "__interval", "15s", "__range", "5m");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final String TAG_PREFIX = "iomodel:";

    /** One expression as sent for one iomodel: where it comes from, for the failure message. */
    record Query(String dashboard, String panel, String iomodel, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + " [iomodel=" + iomodel + "]: " + expr;
        }
    }

    private DashboardQueries() {}

    /** The expanded queries of every dashboard file; problems with a dashboard itself (no tags, undefined variables) go to {@code problems}. */
    static List<Query> load(Path dashboards, List<String> problems) {
        List<Query> queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                String name = file.getFileName().toString();
                List<String> iomodels = new ArrayList<>();
                for (JsonNode tag : dashboard.path("tags")) {
                    if (tag.asString().startsWith(TAG_PREFIX)) {
                        iomodels.add(tag.asString().substring(TAG_PREFIX.length()));
                    }
                }
                if (iomodels.isEmpty()) {
                    problems.add(name + " has no " + TAG_PREFIX
                            + "<id> tag: say which iomodels its panels must return data for");
                    continue;
                }
                for (JsonNode panel : panels(dashboard)) {
                    String title = panel.path("title").asString();
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asString();
                        if (expr.isBlank()) {
                            continue;
                        }
                        for (String iomodel : iomodels) {
                            String expanded = expand(expr, iomodel);
                            Matcher left = VARIABLE.matcher(expanded);
                            if (left.find()) {
                                problems.add(name + " / " + title + ": $" + left.group(1)
                                        + " is not a variable this check knows: " + expr);
                                break;
                            }
                            queries.add(new Query(name, title, iomodel, expanded));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards in " + dashboards, e);
        }
        return queries;
    }

    /** Panels at the top level and inside (collapsed) rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static String expand(String expr, String iomodel) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("iomodel") ? iomodel : BUILT_INS.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
