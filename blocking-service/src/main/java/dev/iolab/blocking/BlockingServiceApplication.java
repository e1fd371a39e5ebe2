package dev.iolab.blocking;

import dev.iolab.contract.ContainerTarget;
import dev.iolab.contract.ExitZeroOnSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring MVC on Tomcat, one request per thread: a pool of platform threads (profile {@code platform},
 * target mvc-platform) or one virtual thread per request (profile {@code virtual}, target mvc-virtual).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BlockingServiceApplication {

    public static void main(String[] args) {
        ExitZeroOnSignal.install();
        // In an image, IOLAB_TARGET picks the profile, port and /data from the registry.
        SpringApplication.run(BlockingServiceApplication.class, ContainerTarget.arguments(args));
    }
}
