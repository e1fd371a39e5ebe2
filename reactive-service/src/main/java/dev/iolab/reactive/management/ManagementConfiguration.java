package dev.iolab.reactive.management;

import dev.iolab.contract.Target;
import dev.iolab.management.ManagementServer;
import dev.iolab.reactive.transport.Transport;
import dev.iolab.reactive.transport.TransportLoopResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandler;

/** Health and metrics also on the management port, on one event loop of the target's own transport (issue 12). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ManagementConfiguration {

    @Bean
    ManagementServer managementServer(
            HttpHandler httpHandler,
            ObjectProvider<NettyServerCustomizer> customizers,
            Target target,
            Environment environment) {
        // The target's own transport, so the management port runs the same I/O model, on a loop of its own.
        return new ManagementServer(
                httpHandler,
                customizers.orderedStream().toList(),
                new TransportLoopResources(
                        Transport.of(target),
                        1,
                        "management-" + Transport.of(target).id()),
                ManagementServer.port(environment, 8080));
    }
}
