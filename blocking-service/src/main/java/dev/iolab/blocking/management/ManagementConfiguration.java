package dev.iolab.blocking.management;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The management port: health and metrics on a Tomcat connector and threads of their own (issue 12). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ManagementConfiguration {

    @Bean
    ManagementConnector managementConnector(Environment environment) {
        return new ManagementConnector(environment);
    }

    /** After the X-IO-Model filter (highest precedence), so the 404 still says which target answered. */
    @Bean
    FilterRegistrationBean<ManagementPathsFilter> managementPathsFilter(ManagementConnector connector) {
        var registration = new FilterRegistrationBean<>(new ManagementPathsFilter(connector.connector()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
