package dev.iolab.blocking.echo;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the echo's abort guard on the ERROR and INCLUDE dispatches only (Tomcat includes its error page
 * into a committed response), so normal requests never pass through it.
 */
@Configuration(proxyBeanMethods = false)
class EchoConfiguration {

    @Bean
    FilterRegistrationBean<AbortedEchoFilter> abortedEchoFilter() {
        var registration = new FilterRegistrationBean<>(new AbortedEchoFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR, DispatcherType.INCLUDE);
        return registration;
    }
}
