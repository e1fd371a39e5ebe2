package dev.iolab.containers;

import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Network;

/**
 * The ten targets, each from its image, and the gateway image in front of all of them, on one Docker network this
 * run creates: started once per test JVM (the conformance suite and the full-stack test share it) and removed when
 * the JVM ends, since Ryuk, which would otherwise clean up, cannot run without a registry.
 */
final class ContainerStack implements AutoCloseable {

    private static ContainerStack shared;

    private final Network network = Network.newNetwork();
    private final Map<Target, TargetContainer> targets = new LinkedHashMap<>();
    private final TargetContainer gateway;
    private final List<TargetContainer> dedicated = new ArrayList<>();
    private int dedicatedCount;

    private ContainerStack() {
        // One at a time: on 2 busy cores JVMs booting side by side slow each other past any fair timeout.
        for (Target target : Target.values()) {
            targets.put(target, TargetContainer.target(target, network, target.id()).start());
        }
        Map<Target, String> upstreams = new LinkedHashMap<>();
        targets.forEach((target, container) -> upstreams.put(target, container.networkUrl()));
        gateway = TargetContainer.gateway(upstreams, network, Target.GATEWAY_ID).start();
    }

    /** The stack of this JVM, started on first use (after checking Docker and the images are there). */
    static synchronized ContainerStack shared() {
        ContainerSupport.require();
        if (shared == null) {
            shared = new ContainerStack();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(ContainerStack::closeShared));
        }
        return shared;
    }

    static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    Network network() {
        return network;
    }

    Map<Target, TargetContainer> targets() {
        return targets;
    }

    TargetContainer gateway() {
        return gateway;
    }

    /** A fresh container of {@code target} on the network, for a test that stops it; closed with the stack at the latest. */
    synchronized TargetContainer startDedicated(Target target) {
        TargetContainer container = TargetContainer.target(target, network, target.id() + "-dedicated-" + (++dedicatedCount));
        dedicated.add(container);
        return container.start();
    }

    /** A fresh gateway routing only {@code target} to its shared container, for a test that stops the gateway. */
    synchronized TargetContainer startDedicatedGateway(Target target) {
        TargetContainer container = TargetContainer.gateway(Map.of(target, targets.get(target).networkUrl()), network,
                "gateway-dedicated-" + (++dedicatedCount));
        dedicated.add(container);
        return container.start();
    }

    @Override
    public synchronized void close() {
        dedicated.forEach(TargetContainer::close);
        gateway.close();
        targets.values().forEach(TargetContainer::close);
        try {
            network.close();
        } catch (RuntimeException e) {
            System.err.println("CONTAINERS cannot remove network: " + e);
        }
    }
}
