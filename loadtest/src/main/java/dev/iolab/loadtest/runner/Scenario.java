package dev.iolab.loadtest.runner;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.simulation.DelaySimulation;
import dev.iolab.loadtest.simulation.EchoSimulation;
import dev.iolab.loadtest.simulation.FileSimulation;
import dev.iolab.loadtest.simulation.ProbeSimulation;
import dev.iolab.loadtest.simulation.UploadSimulation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios {@code iolab compare} knows: the Gatling simulation behind each, its default closed-model
 * concurrency (the one source: each simulation, {@code ./iolab k8s compare}'s shards and the runner read it here), how many requests one iteration sends (to check an open-model rate was reached) and the GET
 * path wrk can drive (null where wrk cannot send the scenario's bodies).
 */
public enum Scenario {
    ECHO("echo", EchoSimulation.class, 64, 2, Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=hello"),
    FILES("files", FileSimulation.class, 16, 3, Endpoints.FILES_PREFIX + FileSimulation.FILE),
    DELAY(
            "delay",
            DelaySimulation.class,
            2000,
            1,
            Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + DelaySimulation.DEFAULT_MS),
    UPLOAD("upload", UploadSimulation.class, 16, 1, null),
    /** Holds N idle keep-alive connections, then probes with {@link ProbeSimulation}. */
    C10K("c10k", ProbeSimulation.class, 1, 1, null);

    private final String id;
    private final Class<?> simulation;
    private final int defaultUsers;
    private final int requestsPerIteration;
    private final String wrkPath;

    Scenario(String id, Class<?> simulation, int defaultUsers, int requestsPerIteration, String wrkPath) {
        this.id = id;
        this.simulation = simulation;
        this.defaultUsers = defaultUsers;
        this.requestsPerIteration = requestsPerIteration;
        this.wrkPath = wrkPath;
    }

    public String id() {
        return id;
    }

    public String simulationClass() {
        return simulation.getName();
    }

    public int defaultUsers() {
        return defaultUsers;
    }

    public int requestsPerIteration() {
        return requestsPerIteration;
    }

    public Optional<String> wrkPath() {
        return Optional.ofNullable(wrkPath);
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scenario::id).toList();
    }
}
