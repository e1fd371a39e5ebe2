package dev.iolab.containers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The overlay's rendered Prometheus configuration with its Kubernetes discovery swapped for static targets: one per
 * container port of every pod the test runs, carrying the {@code __meta_kubernetes_*} labels pod discovery would give
 * it, so the rendered relabelling, not the test, decides what is scraped and how it is labelled.
 */
final class RenderedPrometheus {

    static final String NAMESPACE = "iolab";

    private RenderedPrometheus() {}

    /** {@code config}: the rendered prometheus.yml; {@code pods}: network alias to the pod running under it. */
    @SuppressWarnings("unchecked")
    static String withStaticPods(String config, Map<String, PodSpec> pods) {
        Map<String, Object> root = new Yaml(new LoaderOptions()).load(config);
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) root.get("scrape_configs");
        int swapped = 0;
        for (Map<String, Object> job : jobs) {
            List<Map<String, Object>> sd = (List<Map<String, Object>>) job.remove("kubernetes_sd_configs");
            if (sd == null) {
                continue;
            }
            for (Map<String, Object> discovery : sd) {
                if (!"pod".equals(discovery.get("role"))) {
                    throw new IllegalStateException("job " + job.get("job_name") + " discovers role "
                            + discovery.get("role") + "; only the pod role is swapped for static targets here");
                }
            }
            List<Map<String, Object>> targets = new ArrayList<>();
            pods.forEach((alias, pod) -> pod.ports().forEach((portName, port) -> {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("__meta_kubernetes_namespace", NAMESPACE);
                labels.put("__meta_kubernetes_pod_name", alias);
                labels.put("__meta_kubernetes_pod_container_name", pod.name());
                labels.put("__meta_kubernetes_pod_container_port_name", portName);
                labels.put("__meta_kubernetes_pod_container_port_number", Integer.toString(port));
                labels.put("__meta_kubernetes_pod_ready", "true");
                pod.podLabels().forEach((k, v) -> {
                    labels.put("__meta_kubernetes_pod_label_" + sanitize(k), v);
                    labels.put("__meta_kubernetes_pod_labelpresent_" + sanitize(k), "true");
                });
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("targets", List.of(alias + ":" + port));
                target.put("labels", labels);
                targets.add(target);
            }));
            job.put("static_configs", targets);
            swapped++;
        }
        if (swapped == 0) {
            throw new IllegalStateException(
                    "the rendered configuration has no kubernetes_sd_configs to swap: " + config);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(root);
    }

    /** Prometheus's label-name sanitizing of Kubernetes label keys. */
    static String sanitize(String key) {
        return key.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
