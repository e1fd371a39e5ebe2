package dev.iolab.kubernetes.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.conformance.PrometheusText;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric name a committed dashboard queries is in a real scrape of each iomodel the dashboard is tagged with:
 * one target per module and the gateway run as processes from the built jars, get a little traffic and one GC, and
 * are scraped; a tagged id that was not launched is judged by the launched target of its module (same code, same names).
 */
class DashboardMetricsIT {

    /** One per module; mvc-virtual, because it is the only id the virtual-threads dashboard is tagged with. */
    private static final List<Target> LAUNCHED = List.of(Target.MVC_VIRTUAL, Target.WEBFLUX_EPOLL, Target.PLAIN_EPOLL);

    private static final Path REPO = Path.of(System.getProperty("iolab.repo.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path GATEWAY_JAR = REPO.resolve("gateway/target/gateway.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<LaunchedTarget> targets = new ArrayList<>();
    private static Process gateway;
    private static Path gatewayLog;
    private static URI gatewayUri;

    @BeforeAll
    static void launch() throws IOException {
        List<Path> jars =
                new ArrayList<>(LAUNCHED.stream().map(t -> t.module().jar(REPO)).toList());
        jars.add(GATEWAY_JAR);
        List<Path> missing = jars.stream().filter(j -> !Files.isRegularFile(j)).toList();
        if (!missing.isEmpty()) {
            String why = "the target and gateway jars are not built (" + missing + "): ./mvnw -pl "
                    + "blocking-service,reactive-service,plain-io,gateway -am package -DskipTests";
            if ("true".equals(System.getenv("CI"))) {
                fail("under CI=true " + why);
            }
            Assumptions.abort("skipping the dashboards' scrape check: " + why);
        }
        LAUNCHED.forEach(t -> targets.add(LaunchedTarget.start(t, REPO)));
        startGateway();
        targets.forEach(LaunchedTarget::awaitReady);
        awaitReady(gatewayUri, gateway, gatewayLog);
    }

    @AfterAll
    static void stop() {
        targets.forEach(LaunchedTarget::close);
        if (gateway != null) {
            gateway.destroy();
            try {
                if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            } catch (InterruptedException e) {
                gateway.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void everyLaunchedModuleIsOneOfEachAndEveryTargetModuleIsLaunched() {
        assertThat(EnumSet.copyOf(LAUNCHED.stream().map(Target::module).toList()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Target.Module.class));
    }

    @Test
    void everyMetricADashboardQueriesIsInTheScrapeOfEveryIomodelItIsTaggedWith() throws Exception {
        Map<String, URI> processes = new LinkedHashMap<>();
        for (LaunchedTarget target : targets) {
            processes.put(target.id(), target.baseUri());
            traffic(target.baseUri());
            gc(target.process());
            // through the gateway too, so its route timer has a series for this target
            send(HttpRequest.newBuilder(gatewayUri.resolve("/" + target.id() + Endpoints.ECHO + "?msg=dashboards")));
        }
        processes.put(Target.GATEWAY_ID, gatewayUri);
        traffic(gatewayUri);
        gc(gateway);

        Map<String, Set<String>> expected = new LinkedHashMap<>(); // process id -> names its dashboards query
        Map<String, List<String>> why = new LinkedHashMap<>(); // "dashboard iomodel" entries per process id
        for (DashboardFiles.File dashboard : DashboardFiles.all()) {
            Set<String> names = new LinkedHashSet<>();
            dashboard.exprs().forEach(expr -> names.addAll(PromqlNames.metrics(expr)));
            dashboard
                    .variables()
                    .forEach(v -> names.add(PromqlNames.labelValuesMetric(
                            v.path("query").path("query").asString(), "iomodel")));
            assertThat(dashboard.iomodels()).as(dashboard.name()).isNotEmpty();
            for (String iomodel : dashboard.iomodels()) {
                String source = scrapedFor(iomodel);
                expected.computeIfAbsent(source, s -> new TreeSet<>()).addAll(names);
                why.computeIfAbsent(source, s -> new ArrayList<>()).add(dashboard.name() + " " + iomodel);
            }
        }
        assertThat(expected.keySet()).as("processes the dashboards need").isSubsetOf(processes.keySet());

        for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
            String id = entry.getKey();
            // timers are recorded as an exchange completes, maybe just after the client saw its response
            Awaitility.await(id + " exports every metric its dashboards query")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Set<String> scraped = namesTagged(id, scrape(processes.get(id)));
                        Set<String> absent = new TreeSet<>(entry.getValue());
                        absent.removeAll(scraped);
                        assertThat(absent)
                                .as(
                                        "metrics queried by %s but not in the scrape of %s (iomodel=%s)",
                                        why.get(id), processes.get(id), id)
                                .isEmpty();
                    });
        }
        System.out.println("DASHBOARDS every queried metric found: " + expected);
    }

    /** The launched process whose scrape stands for {@code iomodel}: itself, or the launched target of its module. */
    private static String scrapedFor(String iomodel) {
        if (iomodel.equals(Target.GATEWAY_ID)) {
            return Target.GATEWAY_ID;
        }
        Target target = Target.byId(iomodel).orElseThrow(() -> new AssertionError("unknown iomodel tag " + iomodel));
        return LAUNCHED.stream()
                .filter(t -> t.module() == target.module())
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static Set<String> namesTagged(String iomodel, List<PrometheusText.Sample> samples) {
        Set<String> names = new TreeSet<>();
        samples.stream()
                .filter(s -> iomodel.equals(s.labels().get(MetricNames.TAG_IOMODEL)))
                .forEach(s -> names.add(s.name()));
        return names;
    }

    private static void traffic(URI base) throws Exception {
        for (int i = 0; i < 3; i++) {
            send(HttpRequest.newBuilder(base.resolve(Endpoints.ECHO + "?msg=dashboards" + i)));
            send(HttpRequest.newBuilder(base.resolve(Endpoints.DELAY + "?ms=1")));
            send(HttpRequest.newBuilder(base.resolve("/no-such-path-" + i)));
        }
        send(HttpRequest.newBuilder(base.resolve(Endpoints.ECHO)).POST(HttpRequest.BodyPublishers.ofString("m")));
    }

    /** One collection, so the GC pause timer (registered at the first GC notification) has a series. */
    private static void gc(Process process) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("jcmd GC.run").isTrue();
    }

    private static void send(HttpRequest.Builder request) throws Exception {
        HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static List<PrometheusText.Sample> scrape(URI base) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(base.resolve(Endpoints.PROMETHEUS))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("scrape of %s", base).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static void startGateway() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path logDir = Files.createDirectories(Path.of("target", "dashboard-metrics-logs"));
        gatewayLog = logDir.resolve("gateway-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Target.COMMON_JVM_OPTIONS);
        command.addAll(List.of("-jar", GATEWAY_JAR.toString(), "--server.port=" + port));
        for (LaunchedTarget target : targets) {
            command.add("--iolab.gateway.upstreams." + target.id() + "=http://127.0.0.1:" + target.boundPort());
        }
        gateway = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(gatewayLog.toFile())
                .start();
        gatewayUri = URI.create("http://127.0.0.1:" + port);
    }

    private static void awaitReady(URI base, Process process, Path log) {
        HttpRequest probe = HttpRequest.newBuilder(base.resolve(Endpoints.READINESS))
                .timeout(Duration.ofSeconds(2))
                .build();
        Awaitility.await("gateway readiness (log " + log + ")")
                .atMost(LaunchedTarget.STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("gateway exited, see " + log, () -> !process.isAlive())
                .until(() ->
                        HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
