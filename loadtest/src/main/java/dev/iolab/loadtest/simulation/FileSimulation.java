package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Static files from the data directory: 1 MiB, a 64 KiB range of it, and 16 MiB, checked by length only so
 * that Gatling discards the bytes instead of buffering them (the server's copy path is what is measured).
 */
public class FileSimulation extends Simulation {

    {
        SimulationSettings settings = SimulationSettings.fromSystemProperties(16);
        ChainBuilder iteration = exec(
                http("file 1m")
                        .get(Endpoints.FILES_PREFIX + "1m.bin")
                        .check(status().is(200), header("Content-Length").is("1048576")),
                http("file 1m range")
                        .get(Endpoints.FILES_PREFIX + "1m.bin")
                        .header("Range", "bytes=65536-131071")
                        .check(status().is(206), header("Content-Range").is("bytes 65536-131071/1048576")),
                http("file 16m")
                        .get(Endpoints.FILES_PREFIX + "16m.bin")
                        .check(status().is(200), header("Content-Length").is("16777216")));
        setUp(Load.population("files", iteration, settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
