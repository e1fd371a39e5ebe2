package dev.iolab.blocking.management;

import dev.iolab.contract.Target;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;

/**
 * Adds the management port to Tomcat: a second connector with a thread pool of its own, so a flood that holds all
 * of the service port's threads (mvc-platform's 200) cannot keep a health probe waiting.
 *
 * <p>Why not Boot's {@code management.server.port}: Boot then serves the actuator endpoints from a child context on
 * that port only, and the contract (the conformance suite, {@code ./iolab compare}) reads health and metrics on the
 * service port. A second connector on the same context serves both ports; {@link ManagementPathsFilter} keeps the
 * management port to health and metrics.
 */
final class ManagementConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Connector connector = new Connector(new ManagementProtocol());

    ManagementConnector(Environment environment) {
        connector.setPort(port(environment));
    }

    /** {@value Target#MANAGEMENT_PORT_PROPERTY}, else {@link Target#managementPortFor} the service port. */
    static int port(Environment environment) {
        Integer configured = environment.getProperty(Target.MANAGEMENT_PORT_PROPERTY, Integer.class);
        return configured != null
                ? configured
                : Target.managementPortFor(environment.getProperty("server.port", Integer.class, 8080));
    }

    Connector connector() {
        return connector;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalConnectors(connector);
    }
}
