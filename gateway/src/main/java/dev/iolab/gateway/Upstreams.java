package dev.iolab.gateway;

import dev.iolab.contract.Target;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each target runs: {@code iolab.gateway.upstreams.<target-id>=http://host:port}
 * (env {@code IOLAB_GATEWAY_UPSTREAMS_<ID>}), else {@code http://127.0.0.1:<default port>}.
 * The default is an IP literal so that no request pays for resolving {@code localhost}.
 */
@ConfigurationProperties("iolab.gateway")
public record Upstreams(Map<String, URI> upstreams) {

    public Upstreams {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
    }

    /** The base URL of {@code target}. */
    public URI of(Target target) {
        URI configured = upstreams.get(target.id());
        return configured != null ? configured : URI.create("http://127.0.0.1:" + target.defaultPort());
    }
}
