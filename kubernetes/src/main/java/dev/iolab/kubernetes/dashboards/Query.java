package dev.iolab.kubernetes.dashboards;

/** One PromQL query of a panel (Grafana calls it a target), with the legend each of its series gets. */
public record Query(String refId, Datasource datasource, String expr, String legendFormat) {}
