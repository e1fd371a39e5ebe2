package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamsTests {

    @Test
    void unconfiguredTargetDefaultsToItsPortOnTheLoopbackLiteral() {
        assertThat(new Upstreams(null).of(Target.PLAIN_AIO))
                .isEqualTo(URI.create("http://127.0.0.1:" + Target.PLAIN_AIO.defaultPort()));
    }

    @Test
    void configuredByIdOrByEnvironmentSpelling() {
        URI a = URI.create("http://10.0.0.1:1");
        URI b = URI.create("http://10.0.0.2:2");
        Upstreams upstreams = new Upstreams(Map.of(Target.MVC_VIRTUAL.id(), a, "webflux.epoll", b));
        assertThat(upstreams.of(Target.MVC_VIRTUAL)).isEqualTo(a);
        assertThat(upstreams.of(Target.WEBFLUX_EPOLL)).isEqualTo(b);
    }
}
