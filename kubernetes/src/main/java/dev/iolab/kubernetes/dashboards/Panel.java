package dev.iolab.kubernetes.dashboards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Grafana panel: a time series of one or more queries on the provisioned Prometheus, placed on the grid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Panel(
        int id,
        String type,
        String title,
        String description,
        Datasource datasource,
        GridPos gridPos,
        FieldConfig fieldConfig,
        Options options,
        List<Query> targets) {

    /** Legend and tooltip: a table legend with the last and the largest value, so models compare at a glance. */
    public record Options(Legend legend, Tooltip tooltip) {
        static final Options DEFAULT = new Options(
                new Legend("table", "bottom", true, List.of("lastNotNull", "max")), new Tooltip("multi", "desc"));
    }

    public record Legend(String displayMode, String placement, boolean showLegend, List<String> calcs) {}

    public record Tooltip(String mode, String sort) {}
}
