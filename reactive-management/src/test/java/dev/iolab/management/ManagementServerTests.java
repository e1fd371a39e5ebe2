package dev.iolab.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The management port: the property when given, else the service port + 1000, any free port for port 0. */
class ManagementServerTests {

    @Test
    void portFollowsThePropertyOrTheServicePort() {
        assertThat(ManagementServer.port(new MockEnvironment().withProperty("server.port", "8083"), 8080))
                .isEqualTo(9083);
        assertThat(ManagementServer.port(new MockEnvironment(), 8080)).isEqualTo(9080);
        assertThat(ManagementServer.port(new MockEnvironment().withProperty("server.port", "0"), 8080))
                .isZero();
        assertThat(ManagementServer.port(
                        new MockEnvironment().withProperty(Target.MANAGEMENT_PORT_PROPERTY, "0"), 8080))
                .isZero();
    }

    @Test
    void stopsAfterTheWebServerDrained() {
        // Boot's graceful shutdown lifecycle runs at DEFAULT_PHASE - 1024, its web server stop at DEFAULT_PHASE - 2048
        assertThat(ManagementServer.PHASE).isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 2048);
    }
}
