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

    private final LaunchedTarget upstream;
    private final GatewayProcess gateway;

    private DedicatedGatewayRoute(LaunchedTarget upstream, GatewayProcess gateway) {
        this.upstream = upstream;
        this.gateway = gateway;
    }

    static DedicatedGatewayRoute start(LaunchedTarget upstream, Path repoRoot, Path logDir) {
        URI upstreamUri = URI.create("http://127.0.0.1:" + upstream.boundPort());
        GatewayProcess gateway = GatewayProcess.start(repoRoot, Map.of(upstream.id(), upstreamUri), logDir).awaitReady();
        return new DedicatedGatewayRoute(upstream, gateway);
    }

    @Override
    public String id() {
        return upstream.id();
    }

    @Override
    public URI baseUri() {
        return URI.create(gateway.base() + "/" + upstream.id());
    }

    @Override
    public String label() {
        return "gateway/" + upstream.id() + " (dedicated gateway)";
    }

    @Override
    public Process process() {
        return gateway.process();
    }

    @Override
    public String logTail(int lines) {
        return gateway.logTail(lines);
    }

    @Override
    public void close() {
        gateway.close();
    }

    @Override
    public String toString() {
        return label();
    }
}
