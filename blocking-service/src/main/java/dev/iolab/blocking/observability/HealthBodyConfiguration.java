package dev.iolab.blocking.observability;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code GET /actuator/health} to the contract's exact body {@code {"status":"UP"}}: with probes
 * enabled Spring Boot also lists the group names ({@code "groups":["liveness","readiness"]}), which
 * the contract does not have. Otherwise the same JSON mapper Boot gives its endpoints (nulls left out).
 */
@Configuration(proxyBeanMethods = false)
class HealthBodyConfiguration {

    @Bean
    EndpointJsonMapper endpointJsonMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .addMixIn(SystemHealthDescriptor.class, WithoutGroups.class)
                .build();
        return () -> mapper;
    }

    @JsonIgnoreProperties("groups")
    private interface WithoutGroups {}
}
