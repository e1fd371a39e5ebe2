package dev.iolab.blocking.observability;

import dev.iolab.contract.RequestTimers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Records {@code http.server.requests} with {@link RequestMetricsFilter} outermost, so the time covers every other
 * filter; Spring's own observation of it is switched off in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetricsConfiguration {

    @Bean
    FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new RequestMetricsFilter(new RequestTimers(registry)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // the REQUEST dispatch only, one request counted once: Tomcat renders the error page of a sendError after the
        // chain returns, with the status already set
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
