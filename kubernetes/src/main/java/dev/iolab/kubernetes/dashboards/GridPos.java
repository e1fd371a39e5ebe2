package dev.iolab.kubernetes.dashboards;

/** Where a panel sits on Grafana's grid: 24 columns wide, rows of 30 px, origin top left. */
public record GridPos(int x, int y, int w, int h) {

    /** Grafana's grid is this many columns wide. */
    public static final int COLUMNS = 24;
}
