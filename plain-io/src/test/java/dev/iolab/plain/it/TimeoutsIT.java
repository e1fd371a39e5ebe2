package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every model closes a connection whose head arrives too slowly (slowloris) and an idle keep-alive connection. */
class TimeoutsIT {

    /** Longest the server may take to close either connection (its timeouts are 1 s and 1.5 s). */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(6);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = "PLAIN_.*", mode = EnumSource.Mode.MATCH_ALL)
    void slowHeadsAndIdleConnectionsAreClosed(Target target) throws Exception {
        try (PlainProcess server =
                        PlainProcess.start(target, "--header-timeout-ms", "1000", "--idle-timeout-ms", "1500");
                RawConnection slow = RawConnection.open(server.asTarget(), CLOSED_WITHIN);
                RawConnection idle = RawConnection.open(server.asTarget(), CLOSED_WITHIN)) {
            String request = RawConnection.get(server.asTarget(), Endpoints.ECHO);
            slow.send(request.substring(0, request.length() - 2)); // the head never ends
            idle.send(request);
            long start = System.nanoTime();
            // the slow head may be answered (408) before the close; what counts is that the connection ends
            List<RawResponse> toSlow = slow.readUntilSilent(2);
            assertThat(slow.closedByPeer())
                    .as("slowloris head cut off; answered: %s", toSlow)
                    .isTrue();
            RawResponse served = idle.read();
            assertThat(served.status()).as(served.describe()).isEqualTo(200);
            assertThat(idle.closedByPeerWithin(CLOSED_WITHIN))
                    .as("idle keep-alive connection closed")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("timeouts honoured")
                    .isGreaterThan(Duration.ofMillis(900));
        }
    }
}
