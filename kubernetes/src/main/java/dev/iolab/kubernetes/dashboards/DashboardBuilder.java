package dev.iolab.kubernetes.dashboards;

import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a dashboard out row by row: the charts of a row share its height and split the 24 columns between them, and
 * panel ids count up from 1, so the grid can neither overflow nor overlap by construction.
 */
final class DashboardBuilder {

    static final int ROW_HEIGHT = 8;

    private final String uid;
    private final String title;
    private final String description;
    private final String variableMetric;
    private final List<String> iomodels;
    private final List<Panel> panels = new ArrayList<>();
    private int y;

    /**
     * @param variableMetric the metric whose {@code iomodel} values the {@code $iomodel} variable offers
     * @param iomodels       the ids every panel must show data for (targets from the registry, or the gateway)
     */
    DashboardBuilder(String uid, String title, String description, String variableMetric, List<String> iomodels) {
        this.uid = uid;
        this.title = title;
        this.description = description;
        this.variableMetric = variableMetric;
        this.iomodels = iomodels;
    }

    static List<String> ids(List<Target> targets) {
        return targets.stream().map(Target::id).toList();
    }

    DashboardBuilder row(Chart... charts) {
        int width = GridPos.COLUMNS / charts.length;
        int x = 0;
        for (int i = 0; i < charts.length; i++) {
            // the last chart takes what integer division left over, so every row spans all 24 columns
            int w = i == charts.length - 1 ? GridPos.COLUMNS - x : width;
            panels.add(charts[i].place(panels.size() + 1, new GridPos(x, y, w, ROW_HEIGHT)));
            x += w;
        }
        y += ROW_HEIGHT;
        return this;
    }

    Dashboard build() {
        List<String> tags = new ArrayList<>();
        tags.add(Dashboard.TAG);
        iomodels.forEach(id -> tags.add(Dashboard.IOMODEL_TAG_PREFIX + id));
        return new Dashboard(
                uid,
                title,
                description,
                List.copyOf(tags),
                "utc",
                39,
                1,
                "10s",
                new Dashboard.TimeRange("now-15m", "now"),
                new Dashboard.Templating(List.of(Variable.iomodel(variableMetric))),
                List.copyOf(panels));
    }
}
