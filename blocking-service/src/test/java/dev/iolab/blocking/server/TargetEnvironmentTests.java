package dev.iolab.blocking.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import org.junit.jupiter.api.Test;

class TargetEnvironmentTests {

    @Test
    void profileNamesTheTargetFromTheRegistry() {
        assertThat(TargetEnvironment.target(new String[] {Target.MVC_PLATFORM.variant()}))
                .isEqualTo(Target.MVC_PLATFORM);
        assertThat(TargetEnvironment.target(new String[] {"extra", Target.MVC_VIRTUAL.variant()}))
                .isEqualTo(Target.MVC_VIRTUAL);
    }

    @Test
    void missingOrAmbiguousProfileFailsFast() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TargetEnvironment.target(new String[0]))
                .withMessageContaining(Target.MVC_PLATFORM.variant())
                .withMessageContaining(Target.MVC_VIRTUAL.variant());
        assertThatIllegalStateException()
                .isThrownBy(() -> TargetEnvironment.target(
                        new String[] {Target.MVC_PLATFORM.variant(), Target.MVC_VIRTUAL.variant()}));
        // A variant of another module is not a blocking-service target.
        assertThatIllegalStateException()
                .isThrownBy(() -> TargetEnvironment.target(new String[] {Target.WEBFLUX_EPOLL.variant()}));
    }

    @Test
    void identityAndLimitsComeFromTheContract() {
        var properties = TargetEnvironment.properties(Target.MVC_VIRTUAL);
        assertThat(properties)
                .containsEntry("iolab.target", Target.MVC_VIRTUAL.id())
                .containsEntry("management.metrics.tags.iomodel", Target.MVC_VIRTUAL.id())
                .containsEntry("server.tomcat.max-connections", Limits.MAX_CONNECTIONS)
                .containsEntry("server.tomcat.accept-count", Limits.ACCEPT_BACKLOG)
                .containsEntry("server.tomcat.threads.max", Limits.PLATFORM_THREADS)
                .containsEntry("server.max-http-request-header-size", Limits.MAX_HEADER_SECTION_BYTES + "B")
                .containsEntry("server.tomcat.connection-timeout", Limits.HEADER_READ_TIMEOUT.toMillis() + "ms")
                .containsEntry("server.tomcat.keep-alive-timeout", Limits.KEEP_ALIVE_TIMEOUT.toMillis() + "ms")
                .containsEntry("spring.lifecycle.timeout-per-shutdown-phase", Limits.SHUTDOWN_GRACE.toMillis() + "ms");
    }
}
