package dev.iolab.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedPodsTests {

    private static final String RENDERED = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: upstreams-abc123}
            data: {IOLAB_GATEWAY_UPSTREAMS_PLAIN_EPOLL: "http://plain-epoll:8094"}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway}
            spec:
              template:
                metadata:
                  labels: {app.kubernetes.io/name: gateway, app.kubernetes.io/part-of: iolab}
                spec:
                  terminationGracePeriodSeconds: 45
                  securityContext: {runAsUser: 10001, runAsGroup: 10001, seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - name: gateway
                      image: iolab/gateway:latest
                      args: [--x]
                      envFrom: [{configMapRef: {name: upstreams-abc123}}]
                      env: [{name: A, value: b}]
                      ports: [{name: http, containerPort: 8080}, {name: management, containerPort: 9080}]
                      readinessProbe: {httpGet: {path: /actuator/health/readiness, port: management}}
                      livenessProbe: {httpGet: {path: /actuator/health/liveness, port: 9080}}
                      resources: {limits: {cpu: 500m, memory: 512Mi}}
                      securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                      volumeMounts: [{name: tmp, mountPath: /tmp}, {name: data, mountPath: /data}]
                  volumes: [{name: tmp, emptyDir: {medium: Memory}}, {name: data, emptyDir: {}}]
            """;

    @Test
    void aDeploymentBecomesWhatDockerNeedsToRunIt() {
        PodSpec pod = RenderedPods.parse(RENDERED).get("gateway");
        assertThat(pod.image()).isEqualTo("iolab/gateway:latest");
        assertThat(pod.args()).containsExactly("--x");
        assertThat(pod.env())
                .containsEntry("IOLAB_GATEWAY_UPSTREAMS_PLAIN_EPOLL", "http://plain-epoll:8094")
                .containsEntry("A", "b");
        assertThat(pod.ports()).containsExactly(Map.entry("http", 8080), Map.entry("management", 9080));
        assertThat(pod.httpPort()).isEqualTo(8080);
        assertThat(pod.readiness()).isEqualTo(new PodSpec.Probe("/actuator/health/readiness", 9080));
        assertThat(pod.liveness()).isEqualTo(new PodSpec.Probe("/actuator/health/liveness", 9080));
        assertThat(pod.user()).isEqualTo("10001:10001");
        assertThat(pod.readOnlyRootFilesystem()).isTrue();
        assertThat(pod.noNewPrivileges()).isTrue();
        assertThat(pod.capabilitiesDropped()).containsExactly("ALL");
        assertThat(pod.memoryLimitBytes()).isEqualTo(512L << 20);
        assertThat(pod.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(pod.tmpfsMounts()).containsExactly("/tmp");
        assertThat(pod.emptyDirMounts()).containsExactly("/data");
        assertThat(pod.terminationGracePeriodSeconds()).isEqualTo(45);
        assertThat(pod.podLabels()).containsEntry("app.kubernetes.io/part-of", "iolab");
    }

    @Test
    void aProbeOnAPortTheContainerDoesNotDeclareIsADefect() {
        PodSpec pod = RenderedPods.parse(RENDERED.replace("port: management", "port: admin"))
                .get("gateway");
        assertThatThrownBy(pod::requireRunnable).hasMessageContaining("probe port admin");
    }

    @Test
    void kubernetesDiscoveryIsSwappedForThePodsWithTheLabelsDiscoveryWouldGive() {
        String config = """
                scrape_configs:
                  - job_name: iolab
                    kubernetes_sd_configs: [{role: pod}]
                    relabel_configs:
                      - {source_labels: [__meta_kubernetes_pod_label_app_kubernetes_io_part_of], regex: iolab, action: keep}
                """;
        String swapped = RenderedPrometheus.withStaticPods(config, RenderedPods.parse(RENDERED));
        assertThat(swapped)
                .doesNotContain("kubernetes_sd_configs")
                .contains("gateway:8080", "gateway:9080")
                .contains("__meta_kubernetes_pod_label_app_kubernetes_io_part_of: iolab")
                .contains("__meta_kubernetes_pod_container_port_name: management")
                .contains("action: keep");
    }

    @Test
    void quantities() {
        assertThat(PodSpec.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(PodSpec.bytes("64M")).isEqualTo(64_000_000L);
        assertThat(PodSpec.nanoCpus("2")).isEqualTo(2_000_000_000L);
        assertThat(PodSpec.nanoCpus(1)).isEqualTo(1_000_000_000L);
    }
}
