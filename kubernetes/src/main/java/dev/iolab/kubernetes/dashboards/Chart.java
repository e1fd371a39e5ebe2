package dev.iolab.kubernetes.dashboards;

import java.util.ArrayList;
import java.util.List;

/** A time-series panel before it is placed: title, unit, what it means, and its queries in order (refId A, B, ...). */
final class Chart {

    private final String title;
    private final String unit;
    private final List<String[]> queries = new ArrayList<>();
    private String description;
    private Integer min;
    private final List<FieldConfig.ValueMapping> mappings = new ArrayList<>();

    private Chart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    static Chart of(String title, String unit) {
        return new Chart(title, unit);
    }

    /** What the panel shows and how to read it: Grafana shows it on the panel's (i). */
    Chart describe(String text) {
        this.description = text;
        return this;
    }

    Chart query(String expr, String legend) {
        queries.add(new String[] {expr, legend});
        return this;
    }

    Chart min(int floor) {
        this.min = floor;
        return this;
    }

    /** Shows {@code value} as {@code text} (a sentinel such as Tomcat's -1). */
    Chart map(String value, String text) {
        mappings.add(FieldConfig.ValueMapping.of(value, text));
        return this;
    }

    Panel place(int id, GridPos gridPos) {
        if (queries.isEmpty()) {
            throw new IllegalStateException("panel " + title + " has no query");
        }
        List<Query> targets = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            targets.add(new Query(
                    String.valueOf((char) ('A' + i)), Datasource.PROMETHEUS, queries.get(i)[0], queries.get(i)[1]));
        }
        FieldConfig fieldConfig = new FieldConfig(
                new FieldConfig.Defaults(unit, min, mappings.isEmpty() ? null : List.copyOf(mappings)), List.of());
        return new Panel(
                id,
                "timeseries",
                title,
                description,
                Datasource.PROMETHEUS,
                gridPos,
                fieldConfig,
                Panel.Options.DEFAULT,
                targets);
    }
}
