package dev.iolab.gateway;

import dev.iolab.contract.NettyConnectionMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's connections and event-loop pending tasks, as the WebFlux targets export them (see
 * {@link NettyConnectionMetrics}); requests are timed per route by Spring Cloud Gateway's own timer.
 */
@Configuration(proxyBeanMethods = false)
class NettyServerMetrics {

    @Bean
    NettyServerCustomizer serverMetricsCustomizer(MeterRegistry registry) {
        return new NettyConnectionMetrics(registry)::apply;
    }
}
