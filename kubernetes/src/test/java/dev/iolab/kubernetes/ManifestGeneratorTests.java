package dev.iolab.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestGeneratorTests {

    private static final Path TARGETS = Path.of("..", "k8s", "base", "targets");

    @Test
    void committedTargetManifestsAreCurrent() throws IOException {
        for (Map.Entry<String, String> file : ManifestGenerator.render().entrySet()) {
            Path path = TARGETS.resolve(file.getKey());
            assertThat(path).as("missing; run " + ManifestGenerator.REGENERATE).exists();
            assertThat(Files.readString(path))
                    .as(path + " is stale; run " + ManifestGenerator.REGENERATE)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void everyTargetHasAnUpstream() {
        assertThat(ManifestGenerator.upstreams().lines())
                .hasSize(dev.iolab.contract.Target.values().length)
                .allMatch(line -> line.startsWith("IOLAB_GATEWAY_UPSTREAMS_"));
    }
}
