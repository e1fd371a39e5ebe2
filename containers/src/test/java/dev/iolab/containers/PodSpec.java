package dev.iolab.containers;

import static dev.iolab.containers.RenderedPods.list;
import static dev.iolab.containers.RenderedPods.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Docker needs of one rendered pod to run its (first) container as the kubelet would: the container's own
 * settings, the pod's security context, and its volumes; an {@code emptyDir} becomes a tmpfs (with exec, as an
 * emptyDir allows), except the one at {@code /data}, which the tests bind to a directory they can look into.
 * Kubernetes features Docker has no equivalent for ({@code preStop}, probe periods) are left to the caller.
 */
record PodSpec(
        String name,
        String image,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        Map<String, Integer> ports,
        Probe readiness,
        Probe liveness,
        String user,
        boolean readOnlyRootFilesystem,
        boolean noNewPrivileges,
        List<String> capabilitiesDropped,
        long memoryLimitBytes,
        long nanoCpus,
        List<String> tmpfsMounts,
        List<String> emptyDirMounts,
        int terminationGracePeriodSeconds,
        String seccomp,
        String seccompLocalhostProfile,
        Map<String, String> podLabels,
        String unrunnableBecause) {

    /** An HTTP probe: path and container port. */
    record Probe(String path, int port) {}

    /** The same pod with the labels of its template (what Kubernetes service discovery exposes). */
    PodSpec withLabels(Map<String, String> labels) {
        return new PodSpec(
                name,
                image,
                command,
                args,
                env,
                ports,
                readiness,
                liveness,
                user,
                readOnlyRootFilesystem,
                noNewPrivileges,
                capabilitiesDropped,
                memoryLimitBytes,
                nanoCpus,
                tmpfsMounts,
                emptyDirMounts,
                terminationGracePeriodSeconds,
                seccomp,
                seccompLocalhostProfile,
                Map.copyOf(labels),
                unrunnableBecause);
    }

    /** A rendered pod this class cannot run, and why: {@link #requireRunnable()} says so when a test tries. */
    static PodSpec unrunnable(String name, String why) {
        return new PodSpec(
                name, null, List.of(), List.of(), Map.of(), Map.of(), null, null, null, false, false, List.of(), 0, 0,
                List.of(), List.of(), 0, null, null, Map.of(), why);
    }

    PodSpec requireRunnable() {
        if (unrunnableBecause != null) {
            throw new IllegalStateException(unrunnableBecause);
        }
        return this;
    }

    static PodSpec of(String name, Map<String, Object> pod, Map<String, Map<String, String>> configMaps) {
        Map<String, Object> container = list(pod, "containers").getFirst();
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container, "envFrom")) {
            String ref = (String) map(from, "configMapRef").get("name");
            Map<String, String> data = configMaps.get(ref);
            if (data == null) {
                throw new IllegalStateException(
                        name + ": envFrom names ConfigMap " + ref + ", which the overlay does not render");
            }
            env.putAll(data);
        }
        for (Map<String, Object> e : list(container, "env")) {
            if (!e.containsKey("value")) {
                throw new IllegalStateException(
                        name + ": env " + e.get("name") + " is not a plain value; teach PodSpec its source");
            }
            env.put((String) e.get("name"), String.valueOf(e.get("value")));
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> p : list(container, "ports")) {
            ports.put(
                    String.valueOf(p.getOrDefault("name", p.get("containerPort"))),
                    ((Number) p.get("containerPort")).intValue());
        }
        Map<String, Object> podSecurity = map(pod, "securityContext");
        Map<String, Object> security = map(container, "securityContext");
        Object uid = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
        Object gid = security.getOrDefault("runAsGroup", podSecurity.get("runAsGroup"));
        String user = uid == null ? null : uid + (gid == null ? "" : ":" + gid);
        Map<String, Object> seccomp = map(security, "seccompProfile").isEmpty()
                ? map(podSecurity, "seccompProfile")
                : map(security, "seccompProfile");
        Map<String, Object> limits = map(map(container, "resources"), "limits");
        Map<String, String> volumeKinds = new LinkedHashMap<>();
        for (Map<String, Object> v : list(pod, "volumes")) {
            volumeKinds.put((String) v.get("name"), v.containsKey("emptyDir") ? "emptyDir" : "other");
        }
        List<String> tmpfs = new ArrayList<>();
        List<String> emptyDirs = new ArrayList<>();
        for (Map<String, Object> mount : list(container, "volumeMounts")) {
            String path = (String) mount.get("mountPath");
            if (!"emptyDir".equals(volumeKinds.get((String) mount.get("name")))) {
                throw new IllegalStateException(
                        name + ": volume " + mount.get("name") + " is not an emptyDir; teach PodSpec to run it");
            }
            (path.equals(dev.iolab.contract.Target.CONTAINER_DATA_DIR) ? emptyDirs : tmpfs).add(path);
        }
        Object grace = pod.getOrDefault("terminationGracePeriodSeconds", 30);
        return new PodSpec(
                name,
                (String) container.get("image"),
                strings(container.get("command")),
                strings(container.get("args")),
                env,
                ports,
                probe(name, map(container, "readinessProbe"), ports),
                probe(name, map(container, "livenessProbe"), ports),
                user,
                Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")),
                Boolean.FALSE.equals(security.get("allowPrivilegeEscalation")),
                strings(map(security, "capabilities").get("drop")),
                bytes(limits.get("memory")),
                nanoCpus(limits.get("cpu")),
                tmpfs,
                emptyDirs,
                ((Number) grace).intValue(),
                (String) seccomp.getOrDefault("type", "RuntimeDefault"),
                (String) seccomp.get("localhostProfile"),
                Map.of(),
                null);
    }

    /** The port named {@code management} (health and metrics on threads of their own), if the pod declares one. */
    Optional<Integer> managementPort() {
        return Optional.ofNullable(ports.get("management"));
    }

    /** The port the container serves its main traffic on: the one named {@code http}. */
    int httpPort() {
        return Optional.ofNullable(ports.get("http"))
                .orElseGet(() -> ports.values().iterator().next());
    }

    private static Probe probe(String pod, Map<String, Object> probe, Map<String, Integer> ports) {
        Map<String, Object> get = map(probe, "httpGet");
        if (get.isEmpty()) {
            throw new IllegalStateException(pod + ": every iolab pod needs httpGet readiness and liveness probes");
        }
        Object port = get.get("port");
        Integer number = port instanceof Number n ? Integer.valueOf(n.intValue()) : ports.get(String.valueOf(port));
        if (number == null) {
            throw new IllegalStateException(pod + ": probe port " + port + " is not a container port " + ports);
        }
        return new Probe((String) get.get("path"), number);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** Kubernetes quantities as Docker wants them: {@code 512Mi} to bytes. */
    static long bytes(Object quantity) {
        if (quantity == null) {
            return 0;
        }
        String q = String.valueOf(quantity);
        String[][] units = {
            {"Ki", "1024"},
            {"Mi", "1048576"},
            {"Gi", "1073741824"},
            {"k", "1000"},
            {"M", "1000000"},
            {"G", "1000000000"}
        };
        for (String[] unit : units) {
            if (q.endsWith(unit[0])) {
                return Long.parseLong(q.substring(0, q.length() - unit[0].length())) * Long.parseLong(unit[1]);
            }
        }
        return Long.parseLong(q);
    }

    /** {@code "1"}, {@code 2} or {@code 500m} CPUs to Docker's nano-CPUs. */
    static long nanoCpus(Object quantity) {
        if (quantity == null) {
            return 0;
        }
        String q = String.valueOf(quantity);
        return q.endsWith("m")
                ? Long.parseLong(q.substring(0, q.length() - 1)) * 1_000_000L
                : Math.round(Double.parseDouble(q) * 1_000_000_000L);
    }
}
