package dev.iolab.blocking.server;

import dev.iolab.blocking.IolabProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires what every exchange shares: identity header, Tomcat's own error answers, request-line limit, error-page guard, 100-continue timing. */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

    /** Static: a BeanPostProcessor must exist before the beans it processes. */
    @Bean
    static ActuatorMappingsLast actuatorMappingsLast() {
        return new ActuatorMappingsLast();
    }

    @Bean
    FilterRegistrationBean<IoModelHeaderFilter> ioModelHeaderFilter(IolabProperties properties) {
        var registration = new FilterRegistrationBean<>(new IoModelHeaderFilter(properties.target()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** Tomcat's own error answers (before any filter runs) with X-IO-Model and a plain-text body. */
    @Bean
    ContractErrorPages contractErrorPages(IolabProperties properties) {
        return new ContractErrorPages(properties);
    }

    @Bean
    FilterRegistrationBean<RequestLineLimitFilter> requestLineLimitFilter() {
        var registration = new FilterRegistrationBean<>(new RequestLineLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CommittedResponseGuardFilter> committedResponseGuardFilter() {
        var registration = new FilterRegistrationBean<>(new CommittedResponseGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.ERROR, DispatcherType.INCLUDE);
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} before the handler runs by default; "onRead" waits
     * until the handler reads the body, so a 413 for a too-large Content-Length goes out before the
     * client has sent a byte of it (RFC 9110 §10.1.1).
     */
    @Bean
    TomcatConnectorCustomizer continueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /**
     * The service connector's protocol: Tomcat NIO with a deadline for the whole request head ({@link
     * HeadDeadlineProtocol}); the management connector has its own.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> headDeadlineProtocol() {
        return factory -> factory.setProtocol(HeadDeadlineProtocol.class.getName());
    }

    /** Fixed socket buffers only when asked for ({@code iolab.socket-buffer-bytes}); else the kernel autotunes. */
    @Bean
    TomcatConnectorCustomizer socketBuffers(IolabProperties properties) {
        return connector -> {
            if (properties.socketBufferBytes() != null) {
                connector.setProperty(
                        "socket.rxBufSize", properties.socketBufferBytes().toString());
                connector.setProperty(
                        "socket.txBufSize", properties.socketBufferBytes().toString());
            }
        };
    }
}
