package dev.iolab.containers;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One iolab image run the way the README tells a user to run it: {@code IOLAB_TARGET} (or the gateway's upstream
 * variables) in the environment, a read-only root filesystem, {@code /tmp} a tmpfs with exec (Netty loads its native
 * transport from there), {@code /data} a bind-mounted directory, the image's own non-root user, a memory limit, and
 * its port published on 127.0.0.1 only; started means its readiness probe answered 200.
 */
final class TargetContainer implements AutoCloseable {

    /** How long an image may take to answer readiness; Spring images need 5-40 s on 2 busy cores. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("iolab.containers.startup-timeout", 180));
    static final long MEMORY_LIMIT = 768L << 20;

    private final String id;
    private final String name;
    private final int port;
    private final Path workDir;
    private final Path dataDir;
    private final Path secret;
    private final ContainerLog log;
    private final GenericContainer<?> container;
    private volatile AssertionError startupFailure;
    private volatile URI baseUri;

    private TargetContainer(String id, String name, String image, int port, Map<String, String> env, Network network,
            List<String> aliases, boolean withData) {
        this.id = id;
        this.name = name;
        this.port = port;
        this.log = new ContainerLog(name);
        try {
            this.workDir = Files.createTempDirectory("iolab-container-" + name + "-");
            this.dataDir = Files.createDirectories(workDir.resolve("data"));
            // uid 10001 of the image writes here; the host user owning the dir may be anyone
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            // The secret sits beside /data and in a sibling whose name extends "data" (defeats a naive startsWith check).
            String marker = "IOLAB-SECRET-" + UUID.randomUUID() + "\n";
            this.secret = Files.writeString(workDir.resolve("secret.txt"), marker);
            Files.writeString(Files.createDirectories(workDir.resolve("data-evil")).resolve("secret.txt"), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Bind> binds = new ArrayList<>();
        if (withData) {
            binds.add(new Bind(dataDir.toString(), new Volume(Target.CONTAINER_DATA_DIR)));
            binds.add(new Bind(secret.toString(), new Volume("/secret.txt"), AccessMode.ro));
            binds.add(new Bind(workDir.resolve("data-evil").toString(), new Volume(Target.CONTAINER_DATA_DIR + "-evil"), AccessMode.ro));
        }
        this.container = new GenericContainer<>(DockerImageName.parse(image))
                .withEnv(env)
                .withNetwork(network)
                .withNetworkAliases(aliases.toArray(String[]::new))
                .withExposedPorts(port)
                .withTmpFs(Map.of("/tmp", "rw,exec,size=256m"))
                .withLogConsumer(log)
                .withCreateContainerCmdModifier(cmd -> {
                    HostConfig host = cmd.getHostConfig();
                    host.withReadonlyRootfs(true)
                            .withMemory(MEMORY_LIMIT)
                            .withBinds(binds)
                            // Published on loopback only: a test machine must not expose its targets to the network.
                            .withPublishAllPorts(false)
                            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)));
                })
                .waitingFor(Wait.forHttp(Endpoints.READINESS).forPort(port).forStatusCode(200)
                        .withStartupTimeout(STARTUP_TIMEOUT));
    }

    /** A target from its module's image, reachable on {@code network} as {@code alias}. */
    static TargetContainer target(Target target, Network network, String alias) {
        return new TargetContainer(target.id(), alias, ContainerSupport.image(target.module().directory()),
                target.defaultPort(), Map.of(Target.TARGET_ENV, target.id()), network, List.of(alias), true);
    }

    /** The gateway image, routing each of {@code upstreams} (target to its URL on the network) by the registry's variable. */
    static TargetContainer gateway(Map<Target, String> upstreams, Network network, String alias) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        upstreams.forEach((target, url) -> env.put(target.gatewayUpstreamVariable(), url));
        return new TargetContainer(Target.GATEWAY_ID, alias, ContainerSupport.gatewayImage(), Target.GATEWAY_PORT, env,
                network, List.of(alias), false);
    }

    /** Starts the container and waits for readiness; on failure remembers why, so every test using it fails saying so. */
    TargetContainer start() {
        long started = System.nanoTime();
        try {
            container.start();
            baseUri = URI.create("http://127.0.0.1:" + container.getMappedPort(port));
            System.out.printf("CONTAINERS %s ready at %s after %d ms (%s)%n", name, baseUri,
                    (System.nanoTime() - started) / 1_000_000, container.getDockerImageName());
        } catch (RuntimeException e) {
            startupFailure = new AssertionError(name + " (" + container.getDockerImageName() + ") did not become ready: "
                    + e.getMessage() + "; last lines of " + log.tail(60), e);
            System.out.println("CONTAINERS " + startupFailure.getMessage());
        }
        return this;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** Where the test reaches it: the port published on 127.0.0.1. */
    URI baseUri() {
        if (startupFailure != null) {
            throw startupFailure;
        }
        return baseUri;
    }

    /** Where other containers on the network reach it. */
    String networkUrl() {
        return "http://" + name + ":" + port;
    }

    int port() {
        return port;
    }

    Optional<Path> dataDir() {
        return Optional.of(dataDir);
    }

    Optional<Path> outsideSecret() {
        return Optional.of(secret);
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
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is not worth failing a build for
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
