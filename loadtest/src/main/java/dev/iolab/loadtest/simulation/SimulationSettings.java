package dev.iolab.loadtest.simulation;

import java.time.Duration;
import java.time.Instant;

/**
 * The parameters every simulation reads from system properties ({@code -Diolab.baseUrl=...}), with defaults,
 * so that the same class runs from {@code gatling:test} and from the comparison runner.
 */
public record SimulationSettings(
        String baseUrl,
        String target,
        int users,
        double rate,
        Duration ramp,
        Duration duration,
        double maxErrorPercent,
        Instant startAt) {

    public static final String BASE_URL = "iolab.baseUrl";
    public static final String TARGET = "iolab.target";
    /** Closed model: this many users, each looping over the scenario on its own keep-alive connection. */
    public static final String USERS = "iolab.users";
    /** Open model when above 0: this many scenario iterations started per second on shared connections. */
    public static final String RATE = "iolab.rate";

    public static final String RAMP_SECONDS = "iolab.rampSeconds";
    public static final String DURATION_SECONDS = "iolab.durationSeconds";
    /** The run fails its assertions when more than this percentage of requests are KO. */
    public static final String MAX_ERROR_PERCENT = "iolab.maxErrorPercent";
    /**
     * ISO-8601 instant before which no user starts (the common start of a distributed load's shares); unset starts
     * at once. Waited for inside the injection profile, so that a load process's own start-up happens before it.
     */
    public static final String START_AT = "iolab.startAt";

    /** Reads the settings; {@code defaultUsers} is the scenario's own closed-model concurrency. */
    public static SimulationSettings fromSystemProperties(int defaultUsers) {
        return new SimulationSettings(
                System.getProperty(BASE_URL, "http://127.0.0.1:8081"),
                System.getProperty(TARGET, "unknown"),
                Integer.getInteger(USERS, defaultUsers),
                Double.parseDouble(System.getProperty(RATE, "0")),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(System.getProperty(RAMP_SECONDS, "2")))),
                Duration.ofMillis(Math.round(1000 * Double.parseDouble(System.getProperty(DURATION_SECONDS, "30")))),
                Double.parseDouble(System.getProperty(MAX_ERROR_PERCENT, "1.0")),
                System.getProperty(START_AT, "").isBlank() ? null : Instant.parse(System.getProperty(START_AT)));
    }

    /** How long the injection waits from {@code now} for the common start; zero when there is none or it passed. */
    public Duration untilStart(Instant now) {
        if (startAt == null || !startAt.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, startAt);
    }

    public boolean openModel() {
        return rate > 0;
    }
}
