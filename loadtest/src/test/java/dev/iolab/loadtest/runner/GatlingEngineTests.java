package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.simulation.EchoSimulation;
import dev.iolab.loadtest.simulation.SimulationSettings;
import dev.iolab.loadtest.support.StubTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingEngineTests {

    @Test
    void numbersComeFromGatlingsOwnLogAndMatchTheServersCount(@TempDir Path dir) throws Exception {
        try (StubTarget stub = new StubTarget()) {
            GatlingEngine.Run run = new GatlingEngine()
                    .run(
                            EchoSimulation.class.getName(),
                            Map.of(
                                    SimulationSettings.BASE_URL, stub.baseUrl(),
                                    SimulationSettings.USERS, "4",
                                    SimulationSettings.RAMP_SECONDS, "0.5",
                                    SimulationSettings.DURATION_SECONDS, "2"),
                            dir.resolve("gatling"),
                            true,
                            dir.resolve("console.log"));

            assertThat(run.status()).isZero();
            assertThat(run.numbers().requests())
                    .isPositive()
                    .isEqualTo(run.numbers().ok());
            assertThat(run.numbers().requests()).isEqualTo(stub.count(Endpoints.ECHO));
            assertThat(run.numbers().throughputRps()).isPositive();
            assertThat(run.numbers().max()).isGreaterThanOrEqualTo(run.numbers().p99());
            assertThat(run.runDirectory().resolve("index.html")).exists();
            assertThat(Files.readString(dir.resolve("console.log"))).contains("---- Requests", "echo GET");

            // a second run in the same JVM still gets its own console log (Scala's Console keeps its first stream)
            GatlingEngine.Run second = new GatlingEngine()
                    .run(
                            EchoSimulation.class.getName(),
                            Map.of(SimulationSettings.DURATION_SECONDS, "1"),
                            dir.resolve("gatling-2"),
                            false,
                            dir.resolve("console-2.log"));
            assertThat(second.numbers().requests()).isPositive();
            assertThat(Files.readString(dir.resolve("console-2.log"))).contains("---- Requests", "echo GET");
        }
    }
}
