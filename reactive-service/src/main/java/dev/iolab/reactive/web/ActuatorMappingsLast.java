package dev.iolab.reactive.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;

/**
 * Moves Boot's actuator handler mappings (order -100 by default) behind the contract's router, so that
 * DispatcherHandler, which asks its mappings in order until one matches, stops asking the actuator's pattern
 * matcher about every {@code /echo}: a JFR profile of {@code GET /echo} found 8% of the CPU there. Actuator paths
 * match nothing in the router and still reach their endpoints.
 */
final class ActuatorMappingsLast implements BeanPostProcessor {

    /** Where Boot 4 keeps its WebFlux actuator mappings (endpoints, controller endpoints, health group paths). */
    private static final String ACTUATOR_MAPPINGS = "org.springframework.boot.webflux.actuate.endpoint.web";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractHandlerMapping mapping
                && mapping.getClass().getPackageName().equals(ACTUATOR_MAPPINGS)) {
            mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
        }
        return bean;
    }
}
