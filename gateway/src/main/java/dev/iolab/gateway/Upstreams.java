package dev.iolab.gateway;

import dev.iolab.contract.Target;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each target runs: {@code iolab.gateway.upstreams.<target-id>=http://host:port} (or env
 * {@code IOLAB_GATEWAY_UPSTREAMS_WEBFLUX_EPOLL=...}), else {@code http://127.0.0.1:<default port>}.
 * The default is an IP literal so that no request pays for resolving {@code localhost}.
 */
@ConfigurationProperties("iolab.gateway")
public record Upstreams(Map<String, URI> upstreams) {

    public Upstreams {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
    }

    /** The base URL of {@code target}. */
    public URI of(Target target) {
        URI exact = upstreams.get(target.id());
        if (exact != null) {
            return exact;
        }
        // Environment variables cannot spell '-': WEBFLUX_EPOLL binds as "webflux.epoll", WEBFLUXEPOLL as
        // "webfluxepoll".
        for (Map.Entry<String, URI> e : upstreams.entrySet()) {
            if (normalized(e.getKey()).equals(normalized(target.id()))) {
                return e.getValue();
            }
        }
        // Spring's relaxed binding of IOLAB_GATEWAY_UPSTREAMS_PLAIN_EPOLL into this map did not take in a container
        // (seen: the route kept 127.0.0.1), so the variable containers and Kubernetes set is read by its exact name.
        String variable = System.getenv(target.gatewayUpstreamVariable());
        if (variable != null && !variable.isBlank()) {
            return URI.create(variable.trim());
        }
        return URI.create("http://127.0.0.1:" + target.defaultPort());
    }

    private static String normalized(String key) {
        return key.replaceAll("[-._\\[\\]]", "").toLowerCase(Locale.ROOT);
    }
}
