package dev.iolab.containers;

import dev.iolab.conformance.TargetLauncher;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A target of the conformance suite running as a container of the shared stack, reached either directly on its
 * published port or through the gateway container's route {@code /<id>}; graceful shutdown gets a container of its
 * own (the target, or a gateway in front of the shared target) to {@code docker stop}.
 */
record ContainerTarget(Target target, ContainerStack stack, boolean viaGateway) implements TargetUnderTest {

    @Override
    public String id() {
        return target.id();
    }

    @Override
    public URI baseUri() {
        TargetContainer upstream = stack.targets().get(target);
        upstream.baseUri(); // throws the target's startup failure, with its log, if any
        return viaGateway ? URI.create(stack.gateway().baseUri() + "/" + target.id()) : upstream.baseUri();
    }

    @Override
    public String label() {
        return viaGateway ? "gateway-container/" + target.id() : "container/" + target.id();
    }

    /** Every gateway route is served by the one gateway container (and its SIGTERM rules by a gateway of their own). */
    @Override
    public String server() {
        return viaGateway ? "gateway-container" : label();
    }

    /** Only the gateway route puts another HTTP parser in front; docker-proxy forwards bytes untouched. */
    @Override
    public boolean proxied() {
        return viaGateway;
    }

    /** The target's management port, or behind the gateway the gateway's (what its pod's probes poll). */
    @Override
    public Optional<URI> managementUri() {
        return viaGateway
                ? stack.gateway().managementUri()
                : stack.targets().get(target).managementUri();
    }

    @Override
    public Optional<Path> dataDir() {
        return stack.targets().get(target).dataDir();
    }

    @Override
    public Optional<Path> outsideSecret() {
        return stack.targets().get(target).outsideSecret();
    }

    @Override
    public Optional<TargetLauncher> launcher() {
        if (viaGateway) {
            // Stopping a route stops a gateway: one of its own, routing to the shared targets, so every route's drain
            // is checked through the gateway image.
            return Optional.of(() -> new DedicatedContainer(
                    stack.startDedicatedGateway(),
                    target.id(),
                    "/" + target.id(),
                    label() + " (dedicated gateway container)"));
        }
        return Optional.of(() -> new DedicatedContainer(
                stack.startDedicated(target), target.id(), "", label() + " (dedicated container)"));
    }

    @Override
    public String toString() {
        return label();
    }
}
