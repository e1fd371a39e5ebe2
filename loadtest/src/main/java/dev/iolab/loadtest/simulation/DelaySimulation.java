package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.runner.Scenario;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Many users each waiting 100 ms on the server: a thread-per-request model tops out at threads / delay
 * (200 / 0.1 s = 2,000 req/s), a model that waits without holding a thread does not.
 */
public class DelaySimulation extends Simulation {

    /** The server-side wait of every request, in ms. */
    public static final String DELAY_MS = "iolab.delayMs";
    /** The wait when {@link #DELAY_MS} is not set (the report's ceiling rule divides by it). */
    public static final int DEFAULT_MS = 100;

    {
        SimulationSettings settings = SimulationSettings.fromSystemProperties(Scenario.DELAY.defaultUsers());
        int ms = Integer.getInteger(DELAY_MS, DEFAULT_MS);
        ChainBuilder iteration = exec(http("delay " + ms + "ms")
                .get(Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + ms)
                .check(status().is(200), bodyString().is(Endpoints.DELAY_BODY)));
        setUp(Load.population("delay", iteration, settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
