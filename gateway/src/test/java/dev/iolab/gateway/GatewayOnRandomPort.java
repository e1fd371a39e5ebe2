package dev.iolab.gateway;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.UrlTarget;
import dev.iolab.contract.Target;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A gateway test that starts the gateway in-process on a random port and talks to it through the conformance suite's
 * one raw client, so it writes requests and reads responses exactly as the suite does; a subclass routes its route to
 * its own upstream with a {@code @DynamicPropertySource} (and may add properties with its own {@code @SpringBootTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayOnRandomPort {

    @LocalServerPort
    int port;

    /** A raw connection to the gateway, each read waiting at most {@code readTimeout}. */
    RawConnection connect(Duration readTimeout) {
        return RawConnection.open(
                new UrlTarget(Target.GATEWAY_ID, URI.create("http://127.0.0.1:" + port)), readTimeout);
    }
}
