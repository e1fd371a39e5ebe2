package dev.iolab.reactive.metrics;

import dev.iolab.contract.HealthProbeMetrics;
import dev.iolab.contract.ResidentMemoryMetrics;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's resident memory and what its health probes answer, which no Boot binder exports, under the names every iolab process uses. */
@Configuration(proxyBeanMethods = false)
class ProcessMetricsConfiguration {

    /** What the liveness and readiness probes answer (Boot's probe groups hold exactly these two states), for alerts. */
    @Bean
    HealthProbeMetrics healthProbeMetrics(ApplicationAvailability availability) {
        return new HealthProbeMetrics(
                () -> availability.getLivenessState() == LivenessState.CORRECT,
                () -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Bean
    ResidentMemoryMetrics residentMemoryMetrics() {
        return new ResidentMemoryMetrics();
    }
}
