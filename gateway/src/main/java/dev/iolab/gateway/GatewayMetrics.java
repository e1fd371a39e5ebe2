package dev.iolab.gateway;

import dev.iolab.contract.HealthProbeMetrics;
import dev.iolab.contract.MetricNames;
import dev.iolab.contract.ResidentMemoryMetrics;
import dev.iolab.contract.Target;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tags every metric of the gateway {@code iomodel="gateway"}, like each target tags its own with its id, and adds RSS and what its health probes answer. */
@Configuration(proxyBeanMethods = false)
class GatewayMetrics {

    /** What the liveness and readiness probes answer (Boot's probe groups hold exactly these two states), for alerts. */
    @Bean
    HealthProbeMetrics healthProbeMetrics(ApplicationAvailability availability) {
        return new HealthProbeMetrics(
                () -> availability.getLivenessState() == LivenessState.CORRECT,
                () -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
    }

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
