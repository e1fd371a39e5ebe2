package dev.iolab.gateway;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.conformance.TargetProvider;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugs the gateway into the conformance suite: launches the upstream targets named in
 * {@value #ROUTES} and one gateway process in front of them, and offers each route as a target.
 * Selected with {@code -Diolab.conformance.provider=dev.iolab.gateway.GatewayTargetProvider}.
 */
public final class GatewayTargetProvider implements TargetProvider {

    /** Comma-separated target ids whose routes are checked (each upstream launched as a process). */
    public static final String ROUTES = "iolab.gateway.conformance.routes";

    private final List<LaunchedTarget> upstreams = new ArrayList<>();
    private GatewayProcess gateway;

    @Override
    public List<TargetUnderTest> targets() {
        String ids = System.getProperty(ROUTES, "").trim();
        if (ids.isEmpty()) {
            return List.of();
        }
        Path root = Path.of(System.getProperty("iolab.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path logs = Path.of(System.getProperty("iolab.conformance.logs", "target/conformance-logs"));
        Map<String, URI> routes = new LinkedHashMap<>();
        for (String id : Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList()) {
            Target target = Target.byId(id)
                    .orElseThrow(() -> new IllegalStateException(ROUTES + " names unknown target '" + id + "' (known: "
                            + String.join(", ", Target.ids()) + ")"));
            // One at a time: on 2 busy cores, JVMs booting together time each other out.
            // A failed upstream fails only its own route's tests.
            LaunchedTarget upstream = LaunchedTarget.start(target, root).awaitReady();
            upstreams.add(upstream);
            routes.put(upstream.id(), GatewayProcess.upstreamOf(upstream));
        }
        gateway = GatewayProcess.start(root, routes, logs).awaitReady();
        return upstreams.stream()
                .<TargetUnderTest>map(u -> new GatewayRoute(u, gateway, root, logs))
                .toList();
    }

    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.close();
        }
        upstreams.forEach(LaunchedTarget::close);
        upstreams.clear();
    }
}
