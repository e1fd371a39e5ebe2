package dev.iolab.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One thing a user can render: the base, each component alone on the base, each overlay. */
record Rendering(String name, Path directory, boolean monitoring) {

    static final List<String> COMPONENTS = List.of("monitoring", "iouring", "bench", "via-gateway");
    static final List<String> OVERLAYS = List.of("local", "bench");

    List<Map<String, Object>> objects() {
        return Kustomize.render(directory);
    }

    @Override
    public String toString() {
        return name;
    }

    static Stream<Rendering> all() {
        Path k8s = Kustomize.k8s();
        List<Rendering> renderings = new ArrayList<>();
        renderings.add(new Rendering("base", k8s.resolve("base"), false));
        for (String component : COMPONENTS) {
            renderings.add(
                    new Rendering("base+" + component, componentOnBase(component), component.equals("monitoring")));
        }
        for (String overlay : OVERLAYS) {
            renderings.add(
                    new Rendering("overlays/" + overlay, k8s.resolve("overlays").resolve(overlay), true));
        }
        return renderings.stream();
    }

    /** A kustomization under target/ applying one component to the base (kustomize wants relative paths). */
    private static Path componentOnBase(String component) {
        Path dir = Path.of("target", "render", component).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            String k8s = dir.relativize(Kustomize.k8s()).toString();
            Files.writeString(dir.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - %s/base
                    components:
                      - %s/components/%s
                    """.formatted(k8s, k8s, component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
