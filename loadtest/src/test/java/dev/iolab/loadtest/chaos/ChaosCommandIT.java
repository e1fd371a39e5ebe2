package dev.iolab.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolab.contract.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./iolab chaos} end to end, as a user runs it: the launcher script, a real plain-epoll JVM built earlier in
 * the reactor, the four attacks and a SIGKILL with a restart; then resilience.json is read. Whether the target held
 * every bound is the conformance suite's question ({@code HostileClientsConformanceIT}, {@code FaultsConformanceIT});
 * here the command must measure every attack and the kill, and the files must come through the kill as the contract
 * says.
 */
class ChaosCommandIT {

    private static final Path ROOT = Path.of(System.getProperty("iolab.repo.root", ".."))
            .toAbsolutePath()
            .normalize();

    @Test
    void chaosMeasuresEveryAttackAndTheKillOfATarget() throws Exception {
        Target target = Target.PLAIN_EPOLL;
        assertThat(target.module().jar(ROOT)).as("built earlier in the reactor").isRegularFile();
        Path results = Path.of("target", "chaos-it-results").toAbsolutePath();
        Files.createDirectories(results);
        Path log = results.resolve("chaos.log");
        Process p = new ProcessBuilder(
                        "bash",
                        ROOT.resolve("iolab").toString(),
                        "chaos",
                        "--targets",
                        target.id(),
                        "--results",
                        results.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished)
                .as("chaos finished within 5 minutes (about 70 s per target)")
                .isTrue();
        // 0: held every bound; 1: the report names what it got wrong (a loaded machine can fail a 1 s health poll)
        assertThat(p.exitValue()).as("exit code; output:%n%s", output).isIn(0, 1);

        Path runDir;
        try (Stream<Path> runs = Files.list(results)) {
            runDir = runs.filter(d -> d.getFileName().toString().endsWith("-chaos"))
                    .max(Path::compareTo)
                    .orElseThrow();
        }
        for (String file : List.of("resilience.json", "resilience.md", "index.html")) {
            assertThat(runDir.resolve(file)).isRegularFile();
        }
        JsonNode entry = new ObjectMapper()
                .readTree(runDir.resolve("resilience.json").toFile())
                .at("/resilience/0");
        assertThat(entry.path("target").asText()).isEqualTo(target.id());
        assertThat(entry.has("error")).as("measured: %s", entry).isFalse();
        assertThat(entry.path("attacks").findValuesAsText("attack"))
                .containsExactly("slowloris", "slow-upload", "never-reading-sender", "slow-reader");
        for (JsonNode attack : entry.path("attacks")) {
            assertThat(attack.path("normal_requests").asInt()).as("%s", attack).isPositive();
            assertThat(attack.path("normal_p99_ms").isNumber()).as("%s", attack).isTrue();
            assertThat(attack.path("rss_held_mib").isNumber())
                    .as("RSS from the management port: %s", attack)
                    .isTrue();
        }
        assertThat(entry.at("/attacks/0/closed_after_s").asDouble())
                .as("slowloris closed within the header timeout bound: %s", entry.at("/attacks/0"))
                .isPositive()
                .isLessThanOrEqualTo(entry.at("/attacks/0/bound_s").asDouble());
        assertThat(entry.at("/health/where").asText()).isEqualTo("management port");
        assertThat(entry.at("/health/polls").asInt()).isPositive();
        JsonNode kill = entry.path("kill");
        assertThat(kill.has("error")).as("kill measured: %s", kill).isFalse();
        assertThat(kill.path("recovery_ms").asLong()).as("%s", kill).isPositive();
        assertThat(kill.path("restart_ready_ms").asLong()).as("%s", kill).isPositive();
        assertThat(kill.path("upload_intact").asBoolean())
                .as("the upload finished before the kill survives it")
                .isTrue();
        assertThat(kill.path("partial_upload_visible").asBoolean())
                .as("the upload the kill cut short is not visible")
                .isFalse();
        assertThat(kill.path("temporaries_left").asInt())
                .as("the cut upload's temporary was cleaned at the restart")
                .isZero();
        assertThat(Files.readString(runDir.resolve("index.html"))).contains("<h2>Resilience</h2>");
    }
}
