package dev.iolab.kubernetes;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One target's Deployment and Service, derived from the registry so no target is spelled by hand. */
public final class TargetManifests {

    /** Above the contract's 30 s graceful drain plus the preStop pause. */
    static final int TERMINATION_GRACE_SECONDS = 45;
    /** Long enough for endpoints to drop the pod before SIGTERM starts the drain. */
    static final int PRE_STOP_SLEEP_SECONDS = 5;

    static final int RUN_AS_USER = 10001;

    private TargetManifests() {}

    static Map<String, Object> labels(String name, String component) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", name);
        labels.put("app.kubernetes.io/component", component);
        labels.put("app.kubernetes.io/part-of", "iolab");
        labels.put("iomodel", name);
        return labels;
    }

    /** The Deployment running {@code target} from its module's image, chosen by {@value Target#TARGET_ENV}. */
    public static Map<String, Object> deployment(Target target) {
        Map<String, Object> labels = labels(target.id(), target.module().directory());
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", target.id());
        container.put("image", target.image() + ":latest");
        container.put("env", List.of(m("name", Target.TARGET_ENV, "value", target.id())));
        // Probes and scrapes on the management port: its own threads answer them however flooded the service port is.
        container.put(
                "ports",
                List.of(
                        m("name", "http", "containerPort", target.defaultPort()),
                        m("name", "management", "containerPort", target.managementPort())));
        container.put("livenessProbe", probe(Endpoints.LIVENESS, "management"));
        container.put("readinessProbe", probe(Endpoints.READINESS, "management"));
        container.put("lifecycle", m("preStop", m("sleep", m("seconds", PRE_STOP_SLEEP_SECONDS))));
        container.put(
                "resources",
                m(
                        "requests", m("cpu", "500m", "memory", "512Mi"),
                        "limits", m("cpu", "1", "memory", "512Mi")));
        container.put(
                "securityContext",
                m(
                        "allowPrivilegeEscalation", false,
                        "readOnlyRootFilesystem", true,
                        "capabilities", m("drop", List.of("ALL"))));
        container.put(
                "volumeMounts",
                List.of(
                        m("name", "data", "mountPath", Target.CONTAINER_DATA_DIR),
                        m("name", "tmp", "mountPath", "/tmp")));

        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS);
        podSpec.put(
                "securityContext",
                m(
                        "runAsNonRoot",
                        true,
                        "runAsUser",
                        RUN_AS_USER,
                        "runAsGroup",
                        RUN_AS_USER,
                        "fsGroup",
                        RUN_AS_USER,
                        "seccompProfile",
                        m("type", "RuntimeDefault")));
        podSpec.put("containers", List.of(container));
        podSpec.put(
                "volumes",
                List.of(m("name", "data", "emptyDir", m()), m("name", "tmp", "emptyDir", m("medium", "Memory"))));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", 1);
        spec.put("selector", m("matchLabels", m("app.kubernetes.io/name", target.id())));
        // a fresh copy, so the YAML carries no anchor/alias pair
        spec.put(
                "template",
                m("metadata", m("labels", labels(target.id(), target.module().directory())), "spec", podSpec));
        return object("apps/v1", "Deployment", target.id(), labels, spec);
    }

    /** The ClusterIP Service in front of {@code target}'s service port. */
    public static Map<String, Object> service(Target target) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", m("app.kubernetes.io/name", target.id()));
        spec.put("ports", List.of(m("name", "http", "port", target.defaultPort(), "targetPort", "http")));
        return object(
                "v1",
                "Service",
                target.id(),
                labels(target.id(), target.module().directory()),
                spec);
    }

    private static Map<String, Object> probe(String path, String port) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("httpGet", m("path", path, "port", port));
        probe.put("periodSeconds", 5);
        probe.put("failureThreshold", 6);
        return probe;
    }

    /** A map that keeps insertion order, so the generated files are byte-for-byte stable. */
    static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> object(
            String apiVersion, String kind, String name, Map<String, Object> labels, Map<String, Object> spec) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels);
        object.put("metadata", metadata);
        object.put("spec", spec);
        return object;
    }
}
