package dev.iolab.blocking.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The management port: the property when given, else the service port + 1000, any free port for port 0. */
class ManagementConnectorTests {

    @Test
    void portFollowsThePropertyOrTheServicePort() {
        assertThat(ManagementConnector.port(new MockEnvironment().withProperty("server.port", "8081")))
                .isEqualTo(9081);
        assertThat(ManagementConnector.port(new MockEnvironment().withProperty("server.port", "0")))
                .isZero();
        assertThat(ManagementConnector.port(new MockEnvironment()
                        .withProperty("server.port", "8081")
                        .withProperty(Target.MANAGEMENT_PORT_PROPERTY, "12345")))
                .isEqualTo(12345);
    }

    @Test
    void theManagementProtocolStaysOpenThroughTheGracefulDrain() throws Exception {
        ManagementProtocol protocol = new ManagementProtocol();
        assertThat(protocol.getMaxThreads()).isEqualTo(ManagementProtocol.MAX_THREADS);
        protocol.pause(); // a no-op by design: nothing was started, and nothing must be paused
        protocol.closeServerSocketGraceful();
        assertThat(protocol.isPaused()).isFalse();
    }
}
