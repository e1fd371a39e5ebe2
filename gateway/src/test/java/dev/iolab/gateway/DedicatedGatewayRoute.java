package dev.iolab.gateway;

import dev.iolab.conformance.LaunchedProcess;
import dev.iolab.conformance.LaunchedTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A gateway process of its own in front of a shared upstream, for the rules that stop the process they talk to
 * (graceful shutdown): through a proxy, the process that drains in-flight requests and exits is the gateway.
 */
final class DedicatedGatewayRoute implements LaunchedProcess {

    private final GatewayRoute route;

    private DedicatedGatewayRoute(GatewayRoute route) {
        this.route = route;
    }

    static DedicatedGatewayRoute start(LaunchedTarget upstream, Path repoRoot, Path logDir) {
        GatewayProcess gateway = GatewayProcess.start(
                        repoRoot, Map.of(upstream.id(), GatewayProcess.upstreamOf(upstream)), logDir)
                .awaitReady();
        return new DedicatedGatewayRoute(new GatewayRoute(upstream, gateway, repoRoot, logDir));
    }

    @Override
    public String id() {
        return route.id();
    }

    @Override
    public URI baseUri() {
        return route.baseUri();
    }

    @Override
    public java.util.Optional<URI> managementUri() {
        return route.managementUri();
    }

    @Override
    public String label() {
        return route.label() + " (dedicated gateway)";
    }

    @Override
    public Process process() {
        return route.gateway().process();
    }

    @Override
    public String logTail(int lines) {
        return route.gateway().logTail(lines);
    }

    @Override
    public void close() {
        route.gateway().close();
    }

    @Override
    public String toString() {
        return label();
    }
}
