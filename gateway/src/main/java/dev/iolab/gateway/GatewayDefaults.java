package dev.iolab.gateway;

import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway's defaults that come from the contract (port, equal limits), so that they are computed
 * from {@link Target} and {@link Limits} instead of copied into application.yml. Added last, so
 * application.yml, the environment and the command line all override them; registered in
 * META-INF/spring.factories so that they apply however the application starts (jar or test).
 */
public final class GatewayDefaults implements EnvironmentPostProcessor {

    /** Prefix of Spring Cloud Gateway 5's WebFlux properties (the old {@code spring.cloud.gateway.*} is ignored). */
    static final String SCG = "spring.cloud.gateway.server.webflux.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("iolabGatewayDefaults", properties()));
    }

    static Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", Target.GATEWAY_PORT);
        // Same request-head limits as every target: a request a target would accept must pass the gateway.
        p.put("server.netty.max-initial-line-length", Limits.MAX_REQUEST_LINE_BYTES + "B");
        p.put("server.max-http-request-header-size", Limits.MAX_HEADER_SECTION_BYTES + "B");
        p.put("server.netty.idle-timeout", Limits.KEEP_ALIVE_TIMEOUT.toMillis() + "ms");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", Limits.SHUTDOWN_GRACE.toMillis() + "ms");
        // The upstream pool must not cap a comparison: as many connections as a target accepts.
        p.put(SCG + "httpclient.pool.type", "fixed");
        p.put(SCG + "httpclient.pool.max-connections", Limits.MAX_CONNECTIONS);
        // Drop idle upstream connections well before a target's keep-alive timeout closes them under us,
        // so a request is never written onto a connection the target is closing.
        p.put(
                SCG + "httpclient.pool.max-idle-time",
                Limits.KEEP_ALIVE_TIMEOUT.dividedBy(2).toMillis() + "ms");
        p.put(SCG + "httpclient.max-header-size", Limits.MAX_HEADER_SECTION_BYTES + "B");
        p.put(SCG + "httpclient.max-initial-line-length", Limits.MAX_REQUEST_LINE_BYTES + "B");
        return p;
    }
}
