package dev.iolab.blocking.server;

import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the active profile into a target of the contract's registry and the contract's {@link Limits}
 * into Tomcat and lifecycle settings, so that neither the target id nor a limit is ever copied as a
 * literal. The settings go in last: a command-line flag or application.yml still overrides any of them.
 */
public class TargetEnvironment implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds (visible in /actuator/env when exposed). */
    public static final String SOURCE = "iolabContract";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Target target = target(environment.getActiveProfiles());
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties(target)));
    }

    /** The one blocking-service target whose variant is an active profile; fails fast otherwise. */
    static Target target(String[] activeProfiles) {
        List<String> profiles = Arrays.asList(activeProfiles);
        List<Target> matches = Arrays.stream(Target.values())
                .filter(t -> t.module() == Target.Module.BLOCKING_SERVICE && profiles.contains(t.variant()))
                .toList();
        if (matches.size() != 1) {
            List<String> variants = Arrays.stream(Target.values())
                    .filter(t -> t.module() == Target.Module.BLOCKING_SERVICE)
                    .map(t -> t.variant() + " (" + t.id() + ")")
                    .toList();
            throw new IllegalStateException("blocking-service needs exactly one of the profiles " + variants
                    + " in --spring.profiles.active, got " + profiles);
        }
        return matches.getFirst();
    }

    static Map<String, Object> properties(Target target) {
        Map<String, Object> p = new LinkedHashMap<>();
        // Identity: the X-IO-Model header, the iomodel tag on every metric, /actuator/info.
        p.put("iolab.target", target.id());
        p.put("management.metrics.tags.iomodel", target.id());
        p.put("info.iolab.target", target.id());
        p.put("info.iolab.model", target.model());
        // Tomcat's defaults (8192 connections, backlog 100) would cap a c10k run before the I/O model does.
        p.put("server.tomcat.max-connections", Limits.MAX_CONNECTIONS);
        p.put("server.tomcat.accept-count", Limits.ACCEPT_BACKLOG);
        // Tomcat keeps 200 idle request processors by default: with more keep-alive connections than that, most
        // requests built a new Http11Processor and registered it with JMX (a JFR profile of /delay at 2,000
        // connections spent over half its CPU there). One per possible connection keeps them all reused.
        p.put("server.tomcat.processor-cache", Limits.MAX_CONNECTIONS);
        // The platform pool; ignored when spring.threads.virtual.enabled gives each request its own virtual thread.
        p.put("server.tomcat.threads.max", Limits.PLATFORM_THREADS);
        // Tomcat's one limit covers request line and header section together: a header section over 16 KiB
        // is 400; the 8 KiB request-line limit is RequestLineLimitFilter's (414).
        p.put("server.max-http-request-header-size", Limits.MAX_HEADER_SECTION_BYTES + "B");
        // After a 413 Tomcat drains up to this much of the unread body to keep the connection (and let
        // clients that send the whole body first read the 413 instead of a reset).
        p.put("server.tomcat.max-swallow-size", Limits.MAX_UPLOAD_BYTES + Limits.STREAM_BUFFER_BYTES + "B");
        // No endpoint parses forms; a form-typed POST /echo must never be cut by Tomcat's 2 MB form cap.
        p.put("server.tomcat.max-http-form-post-size", Limits.MAX_ECHO_BYTES + "B");
        p.put("server.tomcat.connection-timeout", Limits.HEADER_READ_TIMEOUT.toMillis() + "ms");
        p.put("server.tomcat.keep-alive-timeout", Limits.KEEP_ALIVE_TIMEOUT.toMillis() + "ms");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", Limits.SHUTDOWN_GRACE.toMillis() + "ms");
        return p;
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor, which activates the profiles.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
