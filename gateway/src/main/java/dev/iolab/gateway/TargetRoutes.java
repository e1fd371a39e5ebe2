package dev.iolab.gateway;

import dev.iolab.contract.Target;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per target of the registry: {@code /<target-id>/**} to that target's upstream with the
 * prefix stripped, then the contract's body limits ({@link BodyLimitFilter}, which counts but never holds
 * bytes). No body-reading or caching filter and no Retry: bodies stream through both ways and a POST or PUT
 * is sent upstream at most once.
 */
@Configuration(proxyBeanMethods = false)
class TargetRoutes {

    @Bean
    RouteLocator targetRouteLocator(RouteLocatorBuilder builder, Upstreams upstreams) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        BodyLimitFilter bodyLimit = new BodyLimitFilter();
        for (Target target : Target.values()) {
            routes.route(
                    target.id(),
                    r -> r.path("/" + target.id() + "/**")
                            .filters(f -> f.stripPrefix(1).filter(bodyLimit))
                            .uri(upstreams.of(target)));
        }
        return routes.build();
    }
}
