package dev.iolab.gateway;

import dev.iolab.contract.MetricNames;
import dev.iolab.contract.ResidentMemoryMetrics;
import dev.iolab.contract.Target;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tags every metric of the gateway {@code iomodel="gateway"}, like each target tags its own with its id, and adds RSS. */
@Configuration(proxyBeanMethods = false)
class GatewayMetrics {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> iomodelTag() {
        return registry -> registry.config().commonTags(MetricNames.TAG_IOMODEL, Target.GATEWAY_ID);
    }

    /** The process's resident memory, which no Boot binder exports, under the name every iolab process uses. */
    @Bean
    ResidentMemoryMetrics residentMemoryMetrics() {
        return new ResidentMemoryMetrics();
    }
}
