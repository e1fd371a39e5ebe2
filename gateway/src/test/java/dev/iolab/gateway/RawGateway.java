package dev.iolab.gateway;

import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.UrlTarget;
import dev.iolab.contract.Target;
import java.net.URI;
import java.time.Duration;

/**
 * Raw connections to the gateway a {@code @SpringBootTest} started, made by the conformance suite's one raw client,
 * so the gateway's own tests write requests and read responses exactly as the suite does.
 */
final class RawGateway {

    private RawGateway() {}

    /** The gateway on 127.0.0.1:{@code port} as a target: requests name the route themselves. */
    static UrlTarget target(int port) {
        return new UrlTarget(Target.GATEWAY_ID, URI.create("http://127.0.0.1:" + port));
    }

    /** A connection to the gateway on {@code port}, each read waiting at most {@code readTimeout}. */
    static RawConnection open(int port, Duration readTimeout) {
        return RawConnection.open(target(port), readTimeout);
    }
}
