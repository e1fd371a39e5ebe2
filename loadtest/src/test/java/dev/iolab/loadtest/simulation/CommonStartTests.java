package dev.iolab.loadtest.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.loadtest.distributed.LogMerger;
import dev.iolab.loadtest.runner.GatlingEngine;
import dev.iolab.loadtest.support.StubTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommonStartTests {

    private static final Pattern WAITS =
            Pattern.compile("iolab: injection waits (\\d+) ms .*\\(each user pauses until it\\)");

    @Test
    void closedModelUsersAreInPlaceEarlyAndSendNothingBeforeTheCommonStart(@TempDir Path dir) throws Exception {
        // far enough ahead for Gatling to be up before it, in this JVM, even on a busy machine
        Instant startAt = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        try (StubTarget stub = new StubTarget()) {
            GatlingEngine.Run run = new GatlingEngine()
                    .run(
                            EchoSimulation.class.getName(),
                            Map.of(
                                    SimulationSettings.BASE_URL, stub.baseUrl(),
                                    SimulationSettings.USERS, "2",
                                    SimulationSettings.RATE, "0",
                                    SimulationSettings.RAMP_SECONDS, "0",
                                    SimulationSettings.DURATION_SECONDS, "1",
                                    SimulationSettings.START_AT, startAt.toString()),
                            dir.resolve("gatling"),
                            false,
                            dir.resolve("console.log"));

            Matcher waits = WAITS.matcher(Files.readString(dir.resolve("console.log")));
            assertThat(waits.find())
                    .as("the simulation gated its users on the start")
                    .isTrue();
            assertThat(Long.parseLong(waits.group(1)))
                    .as("Gatling was up before the start")
                    .isPositive();
            LogMerger.ShardCount count = LogMerger.merge(
                            List.of(run.runDirectory().resolve("simulation.log")),
                            dir.resolve("read/simulation.log"),
                            ZoneId.of("UTC"))
                    .getFirst();
            assertThat(count.requests()).isPositive();
            assertThat(count.firstRequest()).isGreaterThanOrEqualTo(startAt.toEpochMilli());
        } finally {
            // GatlingEngine passes settings as system properties, which outlive the run in this test JVM
            System.clearProperty(SimulationSettings.START_AT);
        }
    }
}
