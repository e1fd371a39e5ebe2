package dev.iolab.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single entry point: one Spring Cloud Gateway route per target of the contract's registry. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        // Lowest precedence: application.yml, the environment and the command line all override these.
        app.setDefaultProperties(GatewayDefaults.properties());
        app.run(args);
    }
}
