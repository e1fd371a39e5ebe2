package dev.iolab.kubernetes.dashboards;

/** A reference to a Grafana datasource by type and uid; iolab provisions exactly one, {@link #PROMETHEUS}. */
public record Datasource(String type, String uid) {

    /** The uid k8s/monitoring/grafana/provisioning/datasources/iolab.yml gives the Prometheus datasource. */
    public static final String PROVISIONED_UID = "iolab-prometheus";

    public static final Datasource PROMETHEUS = new Datasource("prometheus", PROVISIONED_UID);
}
