package dev.iolab.loadtest.distributed;

import dev.iolab.contract.Target;
import dev.iolab.loadtest.runner.GatlingEngine;
import dev.iolab.loadtest.runner.Scenario;
import dev.iolab.loadtest.simulation.SimulationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One pod of the distributed load (an Indexed Job): runs its share of the scenario against the target from the
 * common start time and leaves its {@code simulation.log}, also printed on stdout as a {@link PodLog}.
 * Configured by environment variables, as a Job's pod template sets them (see k8s/base/load-job.yaml).
 */
public final class ShardCommand {

    private ShardCommand() {}

    /**
     * Exits 0 once the share ran and printed its log, even when its Gatling assertions failed (status 2, said in
     * the log and visible as KOs in the merged report): a failed pod fails the Job, which stops the other shares.
     * Anything that kept the share from running exits non-zero.
     */
    public static void main(String[] args) throws Exception {
        run(System::getenv);
        System.exit(0);
    }

    /** Runs one share; returns Gatling's status (0, or non-zero when its assertions failed). */
    static int run(Function<String, String> env) throws IOException, InterruptedException {
        Share share = new Share(integer(env, "JOB_COMPLETION_INDEX", 0), integer(env, "IOLAB_LOAD_SHARDS", 1));
        Scenario scenario = Arrays.stream(Scenario.values())
                .filter(s -> s.id().equals(value(env, "IOLAB_LOAD_SCENARIO", "echo")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown IOLAB_LOAD_SCENARIO"));
        Target target = Target.byId(value(env, "IOLAB_LOAD_TARGET", "webflux-epoll"))
                .orElseThrow(() -> new IllegalArgumentException("unknown IOLAB_LOAD_TARGET"));
        String baseUrl =
                value(env, "IOLAB_LOAD_BASE_URL", InClusterUrl.of(target, value(env, "IOLAB_LOAD_VIA", "direct")));
        Path results = Path.of(value(env, "IOLAB_LOAD_RESULTS", "results"));

        Map<String, String> properties = new TreeMap<>(Map.of(
                SimulationSettings.BASE_URL, baseUrl,
                SimulationSettings.TARGET, target.id(),
                SimulationSettings.USERS,
                        Integer.toString(share.users(integer(env, "IOLAB_LOAD_USERS", scenario.defaultUsers()))),
                SimulationSettings.RATE,
                        Double.toString(share.rate(Double.parseDouble(value(env, "IOLAB_LOAD_RATE", "0")))),
                // every share starts its users at once at the common start, so the shares add up to one run
                SimulationSettings.RAMP_SECONDS, "0",
                SimulationSettings.DURATION_SECONDS, value(env, "IOLAB_LOAD_DURATION_SECONDS", "30")));
        String startAt = value(env, "IOLAB_LOAD_START_AT", "");
        if (!startAt.isBlank()) {
            // waited for by the injection profile, not here: Gatling's own start-up (seconds on a busy node) must
            // not be what decides when each share begins
            properties.put(SimulationSettings.START_AT, Instant.parse(startAt).toString());
            System.out.println("share " + share.index() + "/" + share.count() + " starts at " + startAt + ", "
                    + Duration.between(Instant.now(), Instant.parse(startAt)).toMillis() + " ms from now");
        }
        System.out.println("share " + share.index() + "/" + share.count() + ": " + properties);
        GatlingEngine.Run run = new GatlingEngine()
                .run(
                        scenario.simulationClass(),
                        properties,
                        results.resolve("gatling-" + share.index()),
                        false,
                        results.resolve("console-" + share.index() + ".log"));
        Path log = results.resolve("simulation-" + share.index() + ".log");
        Files.copy(run.runDirectory().resolve("simulation.log"), log);
        System.out.println(
                "share " + share.index() + " done: " + run.numbers().requests() + " requests, status " + run.status());
        PodLog.print(log, System.out);
        return run.status();
    }

    private static String value(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int integer(Function<String, String> env, String name, int fallback) {
        return Integer.parseInt(value(env, name, Integer.toString(fallback)));
    }
}
