package dev.iolab.containers;

import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Network;

/**
 * The ten targets and the gateway in front of them, each run from its rendered pod of the {@code local} overlay
 * ({@link RenderedPods}), on one Docker network this run creates where each is reachable by its Service name:
 * started once per test JVM (the conformance suite and the full-stack test share it) and removed when
 * the JVM ends, since Ryuk, which would otherwise clean up, cannot run without a registry.
 */
final class ContainerStack implements AutoCloseable {

    private static ContainerStack shared;

    private final Network network = Network.newNetwork();
    private final Map<String, PodSpec> pods;
    private final Map<Target, TargetContainer> targets = new LinkedHashMap<>();
    private final TargetContainer gateway;
    private final List<TargetContainer> dedicated = new ArrayList<>();
    private int dedicatedCount;

    private ContainerStack() {
        // One at a time: on 2 busy cores JVMs booting side by side slow each other past any fair timeout.
        pods = RenderedPods.render(ContainerSupport.OVERLAY);
        for (Target target : Target.values()) {
            targets.put(target, new TargetContainer(target.id(), target.id(), pod(target.id()), network).start());
        }
        // its env (a ConfigMap) routes each target to http://<service>:<port>: the aliases above
        gateway = new TargetContainer(Target.GATEWAY_ID, Target.GATEWAY_ID, pod(Target.GATEWAY_ID), network).start();
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

    /** The rendered pod of a Deployment; a registry target without one is a manifest defect. */
    PodSpec pod(String deployment) {
        PodSpec pod = pods.get(deployment);
        if (pod == null) {
            throw new IllegalStateException(ContainerSupport.OVERLAY + " renders no Deployment " + deployment
                    + " (it has " + pods.keySet() + ")");
        }
        return pod.requireRunnable();
    }

    /** A fresh container of {@code target}'s pod on the network, for a test that stops it; closed with the stack at the latest. */
    synchronized TargetContainer startDedicated(Target target) {
        TargetContainer container = new TargetContainer(
                target.id(), target.id() + "-dedicated-" + (++dedicatedCount), pod(target.id()), network);
        dedicated.add(container);
        return container.start();
    }

    /** A fresh gateway pod (routing to the shared targets), for a test that stops the gateway. */
    synchronized TargetContainer startDedicatedGateway() {
        return startDedicatedGateway(Map.of());
    }

    /**
     * A fresh gateway pod whose routes for the given targets go to other containers (a route's upstream variable,
     * {@link Target#gatewayUpstreamVariable()}, set to their network URL); every other route goes to the shared
     * targets.
     */
    synchronized TargetContainer startDedicatedGateway(Map<Target, TargetContainer> upstreams) {
        TargetContainer container = new TargetContainer(
                Target.GATEWAY_ID, "gateway-dedicated-" + (++dedicatedCount), pod(Target.GATEWAY_ID), network);
        upstreams.forEach(
                (target, upstream) -> container.withEnv(target.gatewayUpstreamVariable(), upstream.networkUrl()));
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
