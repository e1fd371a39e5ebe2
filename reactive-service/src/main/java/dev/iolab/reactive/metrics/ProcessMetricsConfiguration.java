package dev.iolab.reactive.metrics;

import dev.iolab.contract.ResidentMemoryMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's resident memory, which no Boot binder exports, under the name every iolab process uses. */
@Configuration(proxyBeanMethods = false)
class ProcessMetricsConfiguration {

    @Bean
    ResidentMemoryMetrics residentMemoryMetrics() {
        return new ResidentMemoryMetrics();
    }
}
