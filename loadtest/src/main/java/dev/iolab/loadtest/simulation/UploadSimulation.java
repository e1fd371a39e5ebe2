package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.runner.Scenario;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Random;

/** PUT 1 MiB into the data directory (temporary file + atomic rename), one file name per user. */
public class UploadSimulation extends Simulation {

    static final int UPLOAD_BYTES = 1024 * 1024;
    private static final byte[] BODY = new byte[UPLOAD_BYTES];

    static {
        new Random(7).nextBytes(BODY);
    }

    {
        SimulationSettings settings = SimulationSettings.fromSystemProperties(Scenario.UPLOAD.defaultUsers());
        ChainBuilder iteration = exec(http("upload 1m")
                .put(session -> Endpoints.FILES_PREFIX + "upload-" + (session.userId() % 1000) + ".bin")
                .header("Content-Type", "application/octet-stream")
                .body(ByteArrayBody(BODY))
                .check(status().in(201, 204)));
        setUp(Load.population("upload", iteration, settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
