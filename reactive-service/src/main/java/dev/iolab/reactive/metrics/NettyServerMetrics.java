package dev.iolab.reactive.metrics;

import dev.iolab.contract.MetricNames;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty's own server metrics ({@code reactor.netty.http.server.connections.*}, data sent and received, and
 * {@code reactor.netty.eventloop.pending.tasks} per event loop), which show how the event loops keep up; the uri tag
 * is the contract's template, so random paths cannot grow the series.
 */
@Configuration(proxyBeanMethods = false)
class NettyServerMetrics {

    @Bean
    NettyServerCustomizer serverMetricsCustomizer() {
        return server -> server.metrics(true, MetricNames::uriTag);
    }
}
