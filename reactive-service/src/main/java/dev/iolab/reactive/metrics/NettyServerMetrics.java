package dev.iolab.reactive.metrics;

import dev.iolab.contract.NettyConnectionMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty's connections and each event loop's pending tasks, counted per connection (see
 * {@link NettyConnectionMetrics} for why not with Reactor Netty's per-request metrics handler).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = NettyServerMetrics.ENABLED, havingValue = "true", matchIfMissing = true)
class NettyServerMetrics {

    /** {@code false} leaves these metrics out, to measure what they cost (one counter and a listener per connection). */
    static final String ENABLED = "iolab.metrics.reactor-netty.enabled";

    @Bean
    NettyServerCustomizer serverMetricsCustomizer(MeterRegistry registry) {
        return new NettyConnectionMetrics(registry)::apply;
    }
}
