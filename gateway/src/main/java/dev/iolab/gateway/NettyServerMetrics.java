package dev.iolab.gateway;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty's server metrics for the gateway (connections, data, event-loop pending tasks); the uri tag is the
 * target a path names ({@code /plain-epoll/**}) or {@code NOT_FOUND}, so random paths cannot grow the series.
 */
@Configuration(proxyBeanMethods = false)
class NettyServerMetrics {

    @Bean
    NettyServerCustomizer serverMetricsCustomizer() {
        return server -> server.metrics(true, NettyServerMetrics::uriTag);
    }

    /** {@code /<target id>/...} to {@code /<target id>/**}; anything else to {@link MetricNames#URI_NOT_FOUND}. */
    static String uriTag(String path) {
        if (path == null || !path.startsWith("/")) {
            return MetricNames.URI_NOT_FOUND;
        }
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        return Target.byId(first).map(t -> "/" + t.id() + "/**").orElse(MetricNames.URI_NOT_FOUND);
    }
}
