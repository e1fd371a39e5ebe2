package dev.iolab.gateway;

import dev.iolab.contract.ExitZeroOnSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single entry point: one Spring Cloud Gateway route per target of the contract's registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // like the targets: SIGTERM drains (server.shutdown: graceful), then exits 0, not the JVM's 143
        ExitZeroOnSignal.install();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
