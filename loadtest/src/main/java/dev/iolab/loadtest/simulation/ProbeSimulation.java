package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.runner.Scenario;
import io.gatling.javaapi.core.Simulation;

/** One user (by default) sending small echoes: the latency a newcomer sees while the target holds other connections. */
public class ProbeSimulation extends Simulation {

    {
        SimulationSettings settings = SimulationSettings.fromSystemProperties(Scenario.C10K.defaultUsers());
        setUp(Load.population(
                        "probe",
                        exec(http("probe")
                                .get(Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=probe")
                                .check(status().is(200), bodyString().is("probe"))),
                        settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
