package dev.iolab.loadtest.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iolab.contract.Target;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShareTests {

    @Test
    void sharesOfUsersAddUpToTheTotal() {
        assertThat(IntStream.range(0, 3).map(i -> new Share(i, 3).users(64)).toArray())
                .containsExactly(22, 21, 21);
        assertThat(IntStream.range(0, 3).map(i -> new Share(i, 3).users(64)).sum())
                .isEqualTo(64);
    }

    @Test
    void rateIsDividedEvenly() {
        assertThat(new Share(1, 4).rate(1000)).isEqualTo(250);
    }

    @Test
    void fewerUsersThanSharesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Share(0, 4).users(3));
        assertThatIllegalArgumentException().isThrownBy(() -> new Share(4, 4));
    }

    @Test
    void inClusterUrlIsTheServiceOrTheGatewayRoute() {
        assertThat(InClusterUrl.of(Target.PLAIN_EPOLL, "direct")).isEqualTo("http://plain-epoll:8094");
        assertThat(InClusterUrl.of(Target.PLAIN_EPOLL, "gateway")).isEqualTo("http://gateway:8080/plain-epoll");
    }
}
