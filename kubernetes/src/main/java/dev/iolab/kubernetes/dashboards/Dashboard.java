package dev.iolab.kubernetes.dashboards;

import java.util.List;

/** A Grafana dashboard as Grafana's JSON model has it, reduced to what iolab's dashboards use. */
public record Dashboard(
        String uid,
        String title,
        String description,
        List<String> tags,
        String timezone,
        int schemaVersion,
        int version,
        String refresh,
        TimeRange time,
        Templating templating,
        List<Panel> panels) {

    /** Every iolab dashboard carries this tag. */
    public static final String TAG = "iolab";
    /** Prefix of the tags naming each iomodel the dashboard's panels must return data for. */
    public static final String IOMODEL_TAG_PREFIX = "iomodel:";

    public record TimeRange(String from, String to) {}

    public record Templating(List<Variable> list) {}

    /** The file the generator writes it to, under k8s/monitoring/dashboards. */
    public String fileName() {
        return uid + ".json";
    }
}
