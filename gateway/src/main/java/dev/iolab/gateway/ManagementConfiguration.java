package dev.iolab.gateway;

import dev.iolab.management.ManagementServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandler;
import reactor.netty.resources.LoopResources;

/** The gateway's health and metrics also on its management port, on one event loop of their own (issue 12). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ManagementConfiguration {

    @Bean
    ManagementServer managementServer(
            HttpHandler httpHandler, ObjectProvider<NettyServerCustomizer> customizers, Environment environment) {
        return new ManagementServer(
                httpHandler,
                customizers.orderedStream().toList(),
                LoopResources.create("gateway-management", 1, true),
                ManagementServer.port(environment, dev.iolab.contract.Target.GATEWAY_PORT));
    }
}
