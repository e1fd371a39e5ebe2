package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.runner.Scenario;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Random;

/** Small request, small reply, then a 64 KiB body echoed back: per-request overhead of each I/O model. */
public class EchoSimulation extends Simulation {

    static final int POST_BYTES = 64 * 1024;
    private static final byte[] POST_BODY = new byte[POST_BYTES];

    static {
        new Random(42).nextBytes(POST_BODY);
    }

    {
        SimulationSettings settings = SimulationSettings.fromSystemProperties(Scenario.ECHO.defaultUsers());
        ChainBuilder iteration = exec(
                http("echo GET")
                        .get(Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=hello")
                        .check(status().is(200), bodyString().is("hello")),
                http("echo POST 64k")
                        .post(Endpoints.ECHO)
                        .header("Content-Type", "application/octet-stream")
                        .body(ByteArrayBody(POST_BODY))
                        .check(status().is(200), header("Content-Length").is(Integer.toString(POST_BYTES))));
        setUp(Load.population("echo", iteration, settings))
                .protocols(Load.protocol(settings))
                .assertions(Load.errorRate(settings));
    }
}
