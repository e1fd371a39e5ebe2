package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** {@code /actuator/health} and its liveness and readiness groups: 200 JSON {"status":"UP"} while running. */
@DisplayName("health")
class HealthConformanceIT {

    @ConformanceTest
    @DisplayName("health, liveness and readiness are 200 JSON with status UP")
    void healthIsUp(TargetUnderTest target) {
        for (String path : List.of(Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS)) {
            HttpResponse<byte[]> response = Http.get(target, path);
            Checks.status(response, 200);
            Checks.common(target, response);
            assertThat(Checks.essence(
                            response.headers().firstValue("Content-Type").orElse("")))
                    .as("Content-Type of%n%s", Describe.response(response))
                    .matches("application/(.+\\+)?json");
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(body.strip())
                    .as("body of%n%s", Describe.response(response))
                    .startsWith("{")
                    .endsWith("}")
                    .containsPattern("\"status\"\\s*:\\s*\"UP\"");
        }
    }
}
