package dev.iolab.kubernetes.dashboards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Every dashboard iolab ships, and their JSON as committed under k8s/monitoring/dashboards. */
public final class Dashboards {

    static final String REGENERATE = "./iolab k8s dashboards";

    // "key": value, one array element per line, "\n" on every OS: the committed files diff line by line
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    // record order, not Jackson 3's alphabetical default: uid and title first, as a reader of the JSON expects
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPrettyPrinter(PRETTY)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Dashboards() {}

    public static List<Dashboard> all() {
        return List.of(
                OverviewDashboard.dashboard(),
                TomcatDashboard.dashboard(),
                VirtualThreadsDashboard.dashboard(),
                ReactorNettyDashboard.dashboard(),
                PlainIoDashboard.dashboard(),
                GatewayDashboard.dashboard());
    }

    /** File name to content, for every dashboard. */
    public static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Dashboard dashboard : all()) {
            files.put(dashboard.fileName(), JSON.writeValueAsString(dashboard) + "\n");
        }
        return files;
    }
}
