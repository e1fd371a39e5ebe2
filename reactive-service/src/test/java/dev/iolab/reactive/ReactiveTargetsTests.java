package dev.iolab.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolab.contract.Target;
import dev.iolab.reactive.transport.Transport;
import org.junit.jupiter.api.Test;

class ReactiveTargetsTests {

    @Test
    void profileIsTheTargetVariant() {
        assertThat(ReactiveTargets.fromProfiles(Target.WEBFLUX_EPOLL.variant())).isEqualTo(Target.WEBFLUX_EPOLL);
        assertThat(ReactiveTargets.fromProfiles("other", Target.WEBFLUX_IOURING.variant()))
                .isEqualTo(Target.WEBFLUX_IOURING);
        assertThat(Transport.of(Target.WEBFLUX_IOURING)).isEqualTo(Transport.IO_URING);
    }

    @Test
    void noneOrSeveralTargetProfilesFail() {
        assertThatThrownBy(ReactiveTargets::fromProfiles).hasMessageContaining("--spring.profiles.active");
        assertThatThrownBy(() ->
                        ReactiveTargets.fromProfiles(Target.WEBFLUX_EPOLL.variant(), Target.WEBFLUX_IOURING.variant()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReactiveTargets.fromProfiles(Target.MVC_VIRTUAL.variant()))
                .isInstanceOf(IllegalStateException.class);
    }
}
