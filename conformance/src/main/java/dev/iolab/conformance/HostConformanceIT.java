package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;

/**
 * A {@code Host} whose host is a reg-name with sub-delims ({@code 0.0.0.0=5000}, valid by RFC 3986 §3.2.2) is
 * served; Tomcat's host parser admits only letters, digits, '.', '-' and ':' and cannot be configured otherwise,
 * so the targets on Tomcat refuse it with the contract's engine answer: an engine trait, recorded in
 * {@code docs/strictness.md} ("Host").
 */
@DisplayName("Host")
class HostConformanceIT {

    static final String REG_NAME_WITH_SUB_DELIMS = "0.0.0.0=5000";

    @ConformanceTest
    @DisplayName("Host: 0.0.0.0=5000 (an RFC 3986 reg-name) is served, or refused by Tomcat with the contract's answer")
    void regNameWithSubDelimsIsServedOrRefusedAsAnEngineTrait(TargetUnderTest target) throws IOException {
        String request = "GET " + target.path(Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=host") + " HTTP/1.1\r\n"
                + "Host: " + REG_NAME_WITH_SUB_DELIMS + "\r\nConnection: close\r\n\r\n";
        try (RawConnection connection = RawConnection.open(target)) {
            RawResponse response = connection.send(request).read();
            if (tomcatParsesTheHost(target)) {
                Checks.status(response, request, 400);
                Checks.plainEngineAnswer(target, response);
            } else {
                Checks.status(response, request, 200);
                Checks.common(target, response, "GET", true);
                assertThat(response.bodyText())
                        .as("body of%n%s", response.describe())
                        .isEqualTo("host");
            }
        }
    }

    /** Tomcat parses Host only when it answers the socket itself: through a gateway its Netty decoder does. */
    static boolean tomcatParsesTheHost(TargetUnderTest target) {
        return !target.proxied()
                && Target.byId(target.id())
                        .map(t -> t.module() == Target.Module.BLOCKING_SERVICE)
                        .orElse(false);
    }
}
