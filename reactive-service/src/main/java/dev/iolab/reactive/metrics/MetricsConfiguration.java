package dev.iolab.reactive.metrics;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tags every meter with {@code iomodel=<target id>} (from the registry); the request metrics themselves come from
 * {@link RequestMetricsFilter}, whose {@code uri} values are the contract's templates and so stay bounded.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> iomodelTag(Target target) {
        return registry -> registry.config().commonTags(MetricNames.TAG_IOMODEL, target.id());
    }
}
