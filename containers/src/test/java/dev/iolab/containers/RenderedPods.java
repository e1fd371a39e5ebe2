package dev.iolab.containers;

import dev.iolab.conformance.tools.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The pods of a kustomize overlay as Docker would run them: {@code kubectl kustomize} renders it, and each
 * Deployment's first container becomes a {@link PodSpec} (image, command, args, env with its ConfigMaps resolved,
 * ports, probes, user, read-only root, capabilities, limits, volumes), so the container tests run what Kubernetes
 * would run instead of a hand-kept copy of it.
 */
final class RenderedPods {

    private RenderedPods() {}

    /** The pod specs of the Deployments of {@code overlay} (e.g. {@code k8s/overlays/local}), by Deployment name. */
    static Map<String, PodSpec> render(Path overlay) {
        return parse(kustomize(overlay));
    }

    /** {@code kubectl kustomize overlay}: every rendered object, as YAML documents. */
    static String kustomize(Path overlay) {
        Path kubectl = RequiredTool.onPath(
                "kubectl 1.27+ with kustomize v5 (https://kubernetes.io/docs/tasks/tools/)", "kubectl");
        return run(List.of(kubectl.toString(), "kustomize", overlay.toString()));
    }

    /** The data of the rendered ConfigMap whose name starts with {@code prefix} (kustomize appends a hash). */
    @SuppressWarnings("unchecked")
    static Map<String, String> configMap(String yaml, String prefix) {
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (doc instanceof Map<?, ?> object
                    && "ConfigMap".equals(object.get("kind"))
                    && String.valueOf(((Map<String, Object>) object.get("metadata")).get("name"))
                            .startsWith(prefix)) {
                Map<String, String> data = new LinkedHashMap<>();
                ((Map<String, Object>) object.get("data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
                return data;
            }
        }
        throw new IllegalStateException("the overlay renders no ConfigMap " + prefix + "*");
    }

    @SuppressWarnings("unchecked")
    static Map<String, PodSpec> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (doc instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            if ("ConfigMap".equals(object.get("kind"))) {
                Map<String, String> data = new LinkedHashMap<>();
                map(object, "data").forEach((k, v) -> data.put(k, String.valueOf(v)));
                configMaps.put((String) map(object, "metadata").get("name"), data);
            }
        }
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            if ("Deployment".equals(object.get("kind"))) {
                String name = (String) map(object, "metadata").get("name");
                Map<String, Object> template = map(map(object, "spec"), "template");
                Map<String, String> labels = new LinkedHashMap<>();
                map(map(template, "metadata"), "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
                try {
                    pods.put(
                            name,
                            PodSpec.of(name, map(template, "spec"), configMaps).withLabels(labels));
                } catch (IllegalStateException e) {
                    // a pod the tests do not run (Grafana reads a Secret) may use what PodSpec cannot: fail only if run
                    pods.put(name, PodSpec.unrunnable(name, e.getMessage()));
                }
            }
        }
        return pods;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
