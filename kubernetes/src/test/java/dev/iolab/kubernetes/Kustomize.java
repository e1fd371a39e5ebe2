package dev.iolab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.tools.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Renders a kustomization with the real {@code kubectl kustomize} (kustomize v5 or newer) into objects. */
final class Kustomize {

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private Kustomize() {}

    /** The clone's root: failsafe passes it; from the module directory otherwise. */
    static Path repoRoot() {
        return Path.of(System.getProperty("iolab.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path k8s() {
        return repoRoot().resolve("k8s");
    }

    /** Skips (one clear line) without kubectl outside CI, fails under CI=true; checks kustomize is v5+. */
    static void requireKubectl() {
        RequiredTool.onPath(
                "install kubectl >= 1.27 (https://kubernetes.io/docs/tasks/tools/; Debian's is too old)", "kubectl");
        String version;
        try {
            version = run(List.of("kubectl", "version", "--client"));
        } catch (IOException e) {
            throw new AssertionError("kubectl version --client failed: " + e.getMessage(), e);
        }
        Matcher m = KUSTOMIZE_VERSION.matcher(version);
        assertThat(m.find())
                .as("kubectl prints its kustomize version: " + version)
                .isTrue();
        assertThat(Integer.parseInt(m.group(1)))
                .as("kustomize major version (components need v5)")
                .isGreaterThanOrEqualTo(5);
    }

    /** The objects {@code kubectl kustomize dir} renders. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path dir) {
        requireKubectl();
        try {
            String yaml = run(List.of("kubectl", "kustomize", dir.toString()));
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(yaml)) {
                if (doc != null) {
                    objects.add((Map<String, Object>) doc);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + e.getMessage(), e);
        }
    }

    static String run(List<String> command) throws IOException {
        Path out = Files.createTempFile("kubectl", ".out");
        Path err = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command + " exited " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
