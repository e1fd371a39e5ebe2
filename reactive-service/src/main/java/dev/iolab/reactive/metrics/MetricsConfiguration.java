package dev.iolab.reactive.metrics;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.Target;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Set;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tags every meter with {@code iomodel=<target id>} (from the registry) and keeps the request timers to the
 * contract's {@code uri} values: the endpoint templates, {@code NOT_FOUND} and {@code UNKNOWN}. Actuator calls
 * (scrapes, probes) are not recorded, so they neither add {@code uri} values nor blur the workload's histograms.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    private static final Set<String> CONTRACT_URIS = Set.of(Endpoints.ECHO, Endpoints.FILES_TEMPLATE, Endpoints.DELAY,
            MetricNames.URI_NOT_FOUND, MetricNames.URI_UNKNOWN);

    @Bean
    MeterRegistryCustomizer<MeterRegistry> iomodelTag(Target target) {
        return registry -> registry.config().commonTags(MetricNames.TAG_IOMODEL, target.id());
    }

    @Bean
    MeterFilter contractUrisOnly() {
        return MeterFilter.deny(id -> id.getName().startsWith(MetricNames.HTTP_SERVER_REQUESTS)
                && id.getTag(MetricNames.TAG_URI) != null && !CONTRACT_URIS.contains(id.getTag(MetricNames.TAG_URI)));
    }
}
