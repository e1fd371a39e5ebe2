package dev.iolab.gateway;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.conformance.TargetLauncher;
import dev.iolab.conformance.TargetUnderTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One gateway route as a conformance target: requests go to {@code <gateway>/<id>}, while the expected
 * {@code X-IO-Model} and {@code iomodel} stay the upstream's id and the data directory is the upstream's.
 */
record GatewayRoute(LaunchedTarget upstream, GatewayProcess gateway, Path repoRoot, Path logDir)
        implements TargetUnderTest {

    @Override
    public String id() {
        return upstream.id();
    }

    @Override
    public URI baseUri() {
        upstream.baseUri(); // throws the upstream's startup failure, if any
        return URI.create(gateway.base() + "/" + upstream.id());
    }

    @Override
    public String label() {
        return "gateway/" + upstream.id();
    }

    /** Every route of this run is served by one gateway process (and its SIGTERM rules by a gateway of their own). */
    @Override
    public String server() {
        return "gateway@" + System.identityHashCode(gateway); // identity: never waits for, nor throws, its start
    }

    /** The gateway's management port: what a probe of the pod that serves this route polls. */
    @Override
    public Optional<URI> managementUri() {
        return Optional.of(gateway.managementBase());
    }

    @Override
    public Optional<Path> dataDir() {
        return upstream.dataDir();
    }

    @Override
    public Optional<Path> outsideSecret() {
        return upstream.outsideSecret();
    }

    /** Graceful shutdown through a route stops a gateway: one of its own, in front of this route's upstream. */
    @Override
    public Optional<TargetLauncher> launcher() {
        return Optional.of(() -> DedicatedGatewayRoute.start(upstream, repoRoot, logDir));
    }

    @Override
    public String toString() {
        return label();
    }
}
