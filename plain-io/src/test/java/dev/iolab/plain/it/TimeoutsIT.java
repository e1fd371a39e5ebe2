package dev.iolab.plain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Target;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every model closes a connection whose head arrives too slowly (slowloris) and an idle keep-alive connection. */
class TimeoutsIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = "PLAIN_.*", mode = EnumSource.Mode.MATCH_ALL)
    void slowHeadsAndIdleConnectionsAreClosed(Target target) throws Exception {
        try (PlainProcess server =
                        PlainProcess.start(target, "--header-timeout-ms", "1000", "--idle-timeout-ms", "1500");
                Socket slow = new Socket(server.base().getHost(), server.base().getPort());
                Socket idle = new Socket(server.base().getHost(), server.base().getPort())) {
            slow.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            idle.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            await("slowloris head cut off").atMost(Duration.ofSeconds(6)).until(() -> closedByPeer(slow));
            await("idle keep-alive connection closed")
                    .atMost(Duration.ofSeconds(6))
                    .until(() -> closedByPeer(idle));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("timeouts honoured")
                    .isGreaterThan(Duration.ofMillis(900));
        }
    }

    /** Reads what is there; true once the peer closed (EOF or reset). */
    private static boolean closedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[1024];
        try {
            while (true) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
