package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import dev.iolab.loadtest.runner.Scenario;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Static files from the data directory: 1 MiB, a 64 KiB range of it, and 16 MiB, checked by length only so
 * that Gatling discards the bytes instead of buffering them (the server's copy path is what is measured).
 */
public class FileSimulation extends Simulation {

    /** The fixture every iteration reads whole and in part (and wrk reads). */
    public static final String FILE = "1m.bin";
    /** The large fixture read whole once per iteration. */
    static final String LARGE_FILE = "16m.bin";

    {
        long size = Fixtures.SIZES.get(FILE);
        SimulationSettings settings = SimulationSettings.fromSystemProperties(Scenario.FILES.defaultUsers());
        ChainBuilder iteration = exec(
                http("file 1m")
                        .get(Endpoints.FILES_PREFIX + FILE)
                        .check(status().is(200), header("Content-Length").is(Long.toString(size))),
                http("file 1m range")
                        .get(Endpoints.FILES_PREFIX + FILE)
                        .header("Range", "bytes=65536-131071")
                        .check(status().is(206), header("Content-Range").is("bytes 65536-131071/" + size)),
                http("file 16m")
                        .get(Endpoints.FILES_PREFIX + LARGE_FILE)
                        .check(
                                status().is(200),
                                header("Content-Length").is(Long.toString(Fixtures.SIZES.get(LARGE_FILE)))));
        setUp(Load.population("files", iteration, settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
