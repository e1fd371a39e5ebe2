package dev.iolab.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every target iolab compares, with the id used everywhere (route, {@code iomodel} tag, k8s label,
 * report row), the module that builds it and how to launch it.
 */
public enum Target {
    MVC_PLATFORM(
            "mvc-platform",
            Module.BLOCKING_SERVICE,
            "platform",
            "Spring MVC on Tomcat, one platform thread per request (pool of 200)",
            8081),
    MVC_VIRTUAL(
            "mvc-virtual",
            Module.BLOCKING_SERVICE,
            "virtual",
            "Spring MVC on Tomcat, one virtual thread per request",
            8082),
    WEBFLUX_EPOLL(
            "webflux-epoll",
            Module.REACTIVE_SERVICE,
            "epoll",
            "WebFlux on Reactor Netty, native epoll event loops",
            8083),
    WEBFLUX_IOURING(
            "webflux-iouring",
            Module.REACTIVE_SERVICE,
            "iouring",
            "WebFlux on Reactor Netty, io_uring (completion-based, truly asynchronous)",
            8084),
    PLAIN_BLOCKING(
            "plain-blocking",
            Module.PLAIN_IO,
            "blocking",
            "blocking sockets, one thread per connection (model 1)",
            8091),
    PLAIN_POLL(
            "plain-poll",
            Module.PLAIN_IO,
            "poll",
            "I/O multiplexing with poll(2) via the JDK's poll selector (model 3)",
            8092),
    PLAIN_BUSYPOLL(
            "plain-busypoll",
            Module.PLAIN_IO,
            "busypoll",
            "non-blocking sockets polled in a loop without a selector (model 2)",
            8093),
    PLAIN_EPOLL(
            "plain-epoll",
            Module.PLAIN_IO,
            "epoll",
            "event-driven, epoll(7) selectors, one per reactor thread (model 4)",
            8094),
    PLAIN_AIO(
            "plain-aio",
            Module.PLAIN_IO,
            "aio",
            "NIO.2 asynchronous channels with completion handlers (model 5)",
            8095),
    PLAIN_MMAP(
            "plain-mmap",
            Module.PLAIN_IO,
            "mmap",
            "model 5 with file bodies memory-mapped, no read() copy (\"full async 2\")",
            8096),
    PLAIN_URING(
            "plain-uring",
            Module.PLAIN_IO,
            "uring",
            "io_uring through the FFM API, one ring per thread: the kernel completes each operation (model 5)",
            8097);

    /** The id of the gateway, which is not a target but tags its own metrics the same way. */
    public static final String GATEWAY_ID = "gateway";
    /** The gateway's fixed port for {@code iolab up}. */
    public static final int GATEWAY_PORT = 8080;
    /**
     * How far a process's management port sits above its service port: health and metrics answer there on
     * threads of their own, so a flood of the service port cannot starve a liveness or readiness probe.
     */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** The Spring property (blocking-service, reactive-service, gateway) that sets the management port. */
    public static final String MANAGEMENT_PORT_PROPERTY = "iolab.management-port";
    /** The plain-io flag that sets the management port. */
    public static final String MANAGEMENT_PORT_FLAG = "--management-port";
    /** The registry (image name prefix) every iolab image is tagged under: {@code iolab/<module>}. */
    public static final String IMAGE_REPOSITORY = "iolab";
    /** The environment variable that picks the target a module's image runs. */
    public static final String TARGET_ENV = "IOLAB_TARGET";
    /** Where a container's data directory is mounted. */
    public static final String CONTAINER_DATA_DIR = "/data";

    /** JVM options every target gets: Netty and the JDK's own native transports use native access. */
    public static final List<String> COMMON_JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED");

    private final String id;
    private final Module module;
    private final String variant;
    private final String model;
    private final int defaultPort;

    Target(String id, Module module, String variant, String model, int defaultPort) {
        this.id = id;
        this.module = module;
        this.variant = variant;
        this.model = model;
        this.defaultPort = defaultPort;
    }

    /** The stable id: {@code mvc-platform}, {@code plain-epoll}, ... */
    public String id() {
        return id;
    }

    public Module module() {
        return module;
    }

    /** The variant inside its module: a Spring profile for the Spring modules, the {@code --model} of plain-io. */
    public String variant() {
        return variant;
    }

    /** One line saying which I/O model the target embodies. */
    public String model() {
        return model;
    }

    /** The port {@code iolab up} gives it. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The port of its management server (health, metrics) when started on its default port. */
    public int managementPort() {
        return managementPortFor(defaultPort);
    }

    /**
     * The management port that goes with service port {@code port} when none is given: {@code port + }{@value
     * #MANAGEMENT_PORT_OFFSET}, or 0 (any free port) for port 0. Every module applies this same default.
     */
    public static int managementPortFor(int port) {
        return port == 0 ? 0 : port + MANAGEMENT_PORT_OFFSET;
    }

    /** The image that runs this target: {@code iolab/<module>}, with {@value #TARGET_ENV} set to the id. */
    public String image() {
        return module.image();
    }

    /**
     * The environment variable that tells a gateway where this target runs ({@code IOLAB_GATEWAY_UPSTREAMS_PLAIN_EPOLL}),
     * as containers and Kubernetes set it; one spelling for the gateway that reads it and the manifests that write it.
     */
    public String gatewayUpstreamVariable() {
        return "IOLAB_GATEWAY_UPSTREAMS_"
                + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The target with this id, if any. */
    public static Optional<Target> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** Ids of all targets, in registry order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Target::id).toList();
    }

    /** JVM options for this target (before {@code -jar}). */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(COMMON_JVM_OPTIONS);
        if (this == PLAIN_POLL) {
            // The selector provider is JVM-wide, so it is chosen for this process only, here.
            options.add("-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider");
        }
        return options;
    }

    /** Program arguments that start this target on {@code port}, its management port by {@link #managementPortFor}. */
    public List<String> arguments(int port, Path dataDir) {
        return arguments(port, managementPortFor(port), dataDir);
    }

    /**
     * Program arguments (after the jar) that start this target on {@code port}, with health and metrics also on
     * {@code managementPort} (threads of their own), serving {@code dataDir}.
     */
    public List<String> arguments(int port, int managementPort, Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        return switch (module) {
            case BLOCKING_SERVICE, REACTIVE_SERVICE ->
                List.of(
                        "--spring.profiles.active=" + variant,
                        "--server.port=" + port,
                        "--" + MANAGEMENT_PORT_PROPERTY + "=" + managementPort,
                        "--" + DataDirectory.PROPERTY + "=" + dir);
            case PLAIN_IO ->
                List.of(
                        "--model",
                        variant,
                        "--port",
                        Integer.toString(port),
                        MANAGEMENT_PORT_FLAG,
                        Integer.toString(managementPort),
                        DataDirectory.FLAG,
                        dir);
        };
    }

    /** The full command line with the management port by {@link #managementPortFor}. */
    public List<String> command(Path javaHome, Path repoRoot, int port, Path dataDir) {
        return command(javaHome, repoRoot, port, managementPortFor(port), dataDir);
    }

    /** The full command line: {@code java <jvm options> -jar <jar> <arguments>}. */
    public List<String> command(Path javaHome, Path repoRoot, int port, int managementPort, Path dataDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin/java").toString());
        cmd.addAll(jvmOptions());
        cmd.add("-jar");
        cmd.add(module.jar(repoRoot).toString());
        cmd.addAll(arguments(port, managementPort, dataDir));
        return cmd;
    }

    /** The Maven modules that build targets, each into {@code <module>/target/<module>.jar}. */
    public enum Module {
        BLOCKING_SERVICE("blocking-service"),
        REACTIVE_SERVICE("reactive-service"),
        PLAIN_IO("plain-io");

        private final String directory;

        Module(String directory) {
            this.directory = directory;
        }

        /** The module's folder (and artifactId). */
        public String directory() {
            return directory;
        }

        /** The image the module's build produces, without a tag: {@code iolab/<module>}. */
        public String image() {
            return IMAGE_REPOSITORY + "/" + directory;
        }

        /** The executable jar the module's build leaves: {@code <module>/target/<module>.jar}. */
        public Path jar(Path repoRoot) {
            return repoRoot.resolve(directory).resolve("target").resolve(directory + ".jar");
        }
    }
}
