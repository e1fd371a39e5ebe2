package dev.iolab.kubernetes;

import static dev.iolab.kubernetes.Yamls.list;
import static dev.iolab.kubernetes.Yamls.map;
import static dev.iolab.kubernetes.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Job {@code ./iolab k8s compare} applies, rendered by the script itself ({@code --dry-run}, no cluster):
 * the overlay's Job unsuspended with the run's size, shares and common start, valid against the schema.
 */
class LoadJobRunIT {

    @Test
    @SuppressWarnings("unchecked")
    void compareRunsTheOverlaysJobAsNPodsWithOneCommonStart() throws Exception {
        Kustomize.requireKubectl();
        Path root = Kustomize.repoRoot();
        Path results = Path.of("target", "k8s-compare-dry-run").toAbsolutePath();
        Path out = Files.createTempFile("k8s-compare", ".yaml");
        Path err = Files.createTempFile("k8s-compare", ".err");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        root.resolve("iolab").toString(),
                        "k8s",
                        "compare",
                        "--overlay",
                        "bench",
                        "--pods",
                        "3",
                        "--target",
                        "plain-epoll",
                        "--rate",
                        "300",
                        "--duration",
                        "20",
                        "--lead",
                        "90",
                        "--results",
                        results.toString(),
                        "--dry-run")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Instant before = Instant.now();
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("the dry run finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("exit status; stderr: %s", Files.readString(err))
                .isZero();

        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(out, StandardCharsets.UTF_8))) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        List<Map<String, Object>> jobs =
                objects.stream().filter(o -> "Job".equals(o.get("kind"))).toList();
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = jobs.getFirst();
        assertThat(map(job, "spec"))
                .containsEntry("suspend", false)
                .containsEntry("parallelism", 3)
                .containsEntry("completions", 3)
                .containsEntry("completionMode", "Indexed");
        Map<String, Object> container =
                list(job, "spec", "template", "spec", "containers").getFirst();
        Map<String, String> env = list(container, "env").stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
        assertThat(env)
                .containsEntry("IOLAB_LOAD_SHARDS", "3")
                .containsEntry("IOLAB_LOAD_TARGET", "plain-epoll")
                .containsEntry("IOLAB_LOAD_RATE", "300")
                .containsEntry("IOLAB_LOAD_DURATION_SECONDS", "20")
                // kept from the base: the run only overrides what it was given
                .containsEntry("IOLAB_LOAD_SCENARIO", "echo")
                .containsEntry("IOLAB_LOAD_RESULTS", "/results")
                // no --users: the pods fall back on the scenario's default users (loadtest's Scenario, the one
                // source); a number here would be a second source, and wrong for every other scenario
                .doesNotContainKey("IOLAB_LOAD_USERS");
        Instant startAt = Instant.parse(env.get("IOLAB_LOAD_START_AT"));
        assertThat(startAt).isBetween(before.plusSeconds(85), Instant.now().plusSeconds(91));
        // the overlay's own changes survive the run's patch: its registry image and the bench placement
        assertThat(string(container, "image")).startsWith("registry.example.com/iolab/loadtest");
        assertThat(map(job, "spec", "template", "spec", "affinity")).containsKey("podAntiAffinity");

        var report = Validator.newInstance().validate(new Yaml().dump(job));
        assertThat(report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationMessage.Level.ERROR)
                        .map(ValidationMessage::getMessage))
                .isEmpty();
    }
}
