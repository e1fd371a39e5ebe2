package dev.iolab.kubernetes.dashboards;

/**
 * A dashboard's template variable; iolab uses one, {@code iomodel}: a query variable over the {@code iomodel} label
 * of a metric the dashboard's family exports, multi-valued with "All".
 */
public record Variable(
        String name,
        String label,
        String type,
        Datasource datasource,
        VariableQuery query,
        String definition,
        boolean multi,
        boolean includeAll,
        Current current,
        int refresh,
        int sort) {

    /** The variable every panel's expressions filter on: {@code iomodel=~"$iomodel"}. */
    public static final String IOMODEL = "iomodel";

    /** {@code label_values(<metric>, iomodel)}, refreshed on time range change, all selected. */
    public static Variable iomodel(String metric) {
        String definition = "label_values(" + metric + ", " + IOMODEL + ")";
        return new Variable(
                IOMODEL,
                "target",
                "query",
                Datasource.PROMETHEUS,
                new VariableQuery(definition, IOMODEL),
                definition,
                true,
                true,
                new Current("All", "$__all"),
                2,
                1);
    }

    public record VariableQuery(String query, String refId) {}

    public record Current(String text, String value) {}
}
