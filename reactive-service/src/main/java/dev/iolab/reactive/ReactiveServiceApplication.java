package dev.iolab.reactive;

import dev.iolab.contract.ContainerTarget;
import dev.iolab.contract.ExitZeroOnSignal;
import dev.iolab.contract.Limits;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring WebFlux on Reactor Netty serving the iolab contract; the active profile picks the native transport. */
@SpringBootApplication
public class ReactiveServiceApplication {

    public static void main(String[] args) {
        ExitZeroOnSignal.install();
        // In an image, IOLAB_TARGET picks the profile, port and /data from the registry.
        application().run(ContainerTarget.arguments(args));
    }

    /** The application with the contract's limits as defaults, so every launcher and test starts the same server. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(ReactiveServiceApplication.class);
        app.setDefaultProperties(Map.of(
                // the contract's grace period for in-flight requests after SIGTERM
                "spring.lifecycle.timeout-per-shutdown-phase", Limits.SHUTDOWN_GRACE.toMillis() + "ms"));
        return app;
    }
}
