package dev.iolab.containers;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One rendered Kubernetes pod run on Docker as the kubelet would run it: the Deployment's image, command, args and
 * env (its ConfigMaps resolved), user and group, read-only root filesystem, dropped capabilities, no privilege
 * escalation, seccomp profile, memory and CPU limits, its emptyDirs as exec tmpfs, every container port published
 * on 127.0.0.1 only, reachable on the test's network by its Service name; started means its readiness probe
 * answered 200, and then its liveness probe too. {@code /data} is bound to a directory the tests can look into,
 * with a secret beside it that must never be served.
 */
final class TargetContainer implements AutoCloseable {

    /** How long an image may take to answer readiness; Spring images need 5-70 s on 2 busy cores. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("iolab.containers.startup-timeout", 240));

    private final String id;
    private final String name;
    private final PodSpec pod;
    private final Path workDir;
    private final Path dataDir;
    private final Path secret;
    private final ContainerLog log;
    private final GenericContainer<?> container;
    private volatile AssertionError startupFailure;
    private volatile URI baseUri;

    /**
     * @param id   the target id the container must report ({@code gateway} for the gateway)
     * @param name its network alias, the Service name of the pod (or a fresh one for a dedicated copy)
     */
    TargetContainer(String id, String name, PodSpec pod, Network network) {
        this.id = id;
        this.name = name;
        this.pod = pod;
        this.log = new ContainerLog(name);
        try {
            this.workDir = Files.createTempDirectory("iolab-container-" + name + "-");
            this.dataDir = Files.createDirectories(workDir.resolve("data"));
            // the pod's user writes here; the host user owning the dir may be anyone
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            // The secret sits beside /data and in a sibling whose name extends "data" (defeats a naive startsWith
            // check).
            String marker = "IOLAB-SECRET-" + UUID.randomUUID() + "\n";
            this.secret = Files.writeString(workDir.resolve("secret.txt"), marker);
            Files.writeString(
                    Files.createDirectories(workDir.resolve("data-evil")).resolve("secret.txt"), marker);
            workDir.toFile().setReadable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Bind> binds = new ArrayList<>();
        for (String path : pod.emptyDirMounts()) {
            binds.add(new Bind(dataDir.toString(), new Volume(path)));
            binds.add(new Bind(secret.toString(), new Volume("/secret.txt"), AccessMode.ro));
            binds.add(new Bind(workDir.resolve("data-evil").toString(), new Volume(path + "-evil"), AccessMode.ro));
        }
        Map<String, String> tmpfs = new LinkedHashMap<>();
        pod.tmpfsMounts().forEach(path -> tmpfs.put(path, "rw,exec,size=256m")); // an emptyDir is not noexec
        List<String> securityOpts = new ArrayList<>();
        if (pod.noNewPrivileges()) {
            securityOpts.add("no-new-privileges");
        }
        if ("Localhost".equals(pod.seccomp())) {
            securityOpts.add("seccomp=" + SeccompProfiles.json(pod.seccompLocalhostProfile()));
        } else if (!"RuntimeDefault".equals(pod.seccomp())) {
            throw new IllegalStateException(name + ": seccomp " + pod.seccomp() + " is not one an iolab pod may use");
        }
        List<PortBinding> published = pod.ports().values().stream()
                .map(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)))
                .toList();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(ContainerSupport.tagged(pod.image())))
                .withEnv(pod.env())
                .withNetwork(network)
                .withNetworkAliases(name)
                .withExposedPorts(pod.ports().values().toArray(Integer[]::new))
                .withTmpFs(tmpfs)
                .withLogConsumer(log)
                .withCreateContainerCmdModifier(cmd -> {
                    if (!pod.command().isEmpty()) {
                        cmd.withEntrypoint(pod.command());
                    }
                    if (pod.user() != null) {
                        cmd.withUser(pod.user());
                    }
                    HostConfig host = cmd.getHostConfig();
                    host.withReadonlyRootfs(pod.readOnlyRootFilesystem())
                            .withBinds(binds)
                            .withSecurityOpts(securityOpts)
                            .withCapDrop(pod.capabilitiesDropped().stream()
                                    .map(Capability::valueOf)
                                    .toArray(Capability[]::new))
                            // Published on loopback only: a test machine must not expose its targets to the network.
                            .withPublishAllPorts(false)
                            .withPortBindings(published);
                    if (pod.memoryLimitBytes() > 0) {
                        host.withMemory(pod.memoryLimitBytes());
                    }
                    if (pod.nanoCpus() > 0) {
                        host.withNanoCPUs(pod.nanoCpus());
                    }
                })
                .waitingFor(Wait.forHttp(pod.readiness().path())
                        .forPort(pod.readiness().port())
                        .forStatusCode(200)
                        .withStartupTimeout(STARTUP_TIMEOUT));
        if (!pod.args().isEmpty()) {
            c.withCommand(pod.args().toArray(String[]::new));
        }
        this.container = c;
    }

    /** Sets an environment variable of the container beyond its pod's (before {@link #start()}). */
    TargetContainer withEnv(String variable, String value) {
        container.withEnv(variable, value);
        return this;
    }

    /** Starts the container, waits for readiness, checks liveness; on failure remembers why, so every test using it fails saying so. */
    TargetContainer start() {
        long started = System.nanoTime();
        try {
            container.start();
            baseUri = URI.create("http://127.0.0.1:" + container.getMappedPort(pod.httpPort()));
            int liveness = probe(pod.liveness());
            if (liveness != 200) {
                throw new IllegalStateException("liveness probe " + pod.liveness() + " answered " + liveness);
            }
            System.out.printf(
                    "CONTAINERS %s ready at %s after %d ms (%s, user %s, read-only %s, %d MiB, %.1f CPU)%n",
                    name,
                    baseUri,
                    (System.nanoTime() - started) / 1_000_000,
                    container.getDockerImageName(),
                    pod.user(),
                    pod.readOnlyRootFilesystem(),
                    pod.memoryLimitBytes() >> 20,
                    pod.nanoCpus() / 1e9);
        } catch (RuntimeException e) {
            startupFailure = new AssertionError(
                    name + " (" + container.getDockerImageName() + ") did not become ready: " + e.getMessage()
                            + "; last lines of " + log.tail(60),
                    e);
            System.out.println("CONTAINERS " + startupFailure.getMessage());
        }
        return this;
    }

    /** The status a probe of the pod gets, through the port published for its container port. */
    int probe(PodSpec.Probe probe) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            URI uri = URI.create("http://127.0.0.1:" + container.getMappedPort(probe.port()) + probe.path());
            return client.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    PodSpec pod() {
        return pod;
    }

    /** Where the test reaches it: its http port, published on 127.0.0.1. */
    URI baseUri() {
        if (startupFailure != null) {
            throw startupFailure;
        }
        return baseUri;
    }

    /** Its management port, published on 127.0.0.1, when its pod declares one. */
    Optional<URI> managementUri() {
        baseUri();
        return pod.managementPort().map(port -> URI.create("http://127.0.0.1:" + container.getMappedPort(port)));
    }

    /** Where other containers on the network reach it (as a Service of the same name would be reached). */
    String networkUrl() {
        return "http://" + name + ":" + pod.httpPort();
    }

    Optional<Path> dataDir() {
        return pod.emptyDirMounts().isEmpty() ? Optional.empty() : Optional.of(dataDir);
    }

    Optional<Path> outsideSecret() {
        return pod.emptyDirMounts().isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    String containerId() {
        return container.getContainerId();
    }

    ContainerLog log() {
        return log;
    }

    /** Stops and removes the container (Ryuk is off, so nothing else would) and deletes its work directory. */
    @Override
    public void close() {
        try {
            container.stop();
        } catch (RuntimeException e) {
            System.err.println("CONTAINERS cannot stop " + name + ": " + e);
        }
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is not worth failing a build for
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
