package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** What every endpoint shares: 404 for unknown paths, 405 with Allow, HEAD wherever GET works, the common headers. */
@DisplayName("http")
class HttpSemanticsConformanceIT {

    @ConformanceTest
    @DisplayName("an unknown path is 404 (with X-IO-Model, Date and framing)")
    void unknownPathIs404(TargetUnderTest target) {
        for (String path : List.of("/no-such-endpoint", "/echo/extra", "/files", "/delays", "/ECHO")) {
            HttpResponse<byte[]> response = Http.get(target, path);
            Checks.status(response, 404);
            Checks.common(target, response);
        }
    }

    @ConformanceTest
    @DisplayName("a known path with a wrong method is 405 with an Allow header listing the right ones (HEAD optional)")
    void wrongMethodIs405WithAllow(TargetUnderTest target) {
        Map<String, List<String>> cases = Map.of(
                "DELETE " + Endpoints.ECHO, List.of("GET", "POST"),
                "PUT " + Endpoints.ECHO, List.of("GET", "POST"),
                "POST " + Endpoints.FILES_PREFIX + "hello.txt", List.of("GET", "PUT"),
                "DELETE " + Endpoints.FILES_PREFIX + "hello.txt", List.of("GET", "PUT"),
                "POST " + Endpoints.DELAY + "?ms=0", List.of("GET"));
        cases.forEach((request, allowed) -> {
            String[] parts = request.split(" ");
            HttpResponse<byte[]> response = Http.send(Http.request(target, parts[1])
                    .method(parts[0], HttpRequest.BodyPublishers.ofString("x"))
                    .build());
            Checks.status(response, 405);
            Checks.common(target, response);
            List<String> allow = response.headers().allValues("Allow").stream()
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .map(s -> s.trim().toUpperCase(Locale.ROOT))
                    .toList();
            assertThat(allow)
                    .as("Allow of%n%s", Describe.response(response))
                    .containsAll(allowed)
                    .doesNotContain(parts[0]);
        });
        // and the file itself is untouched by the refused methods
        assertThat(Http.get(target, Endpoints.FILES_PREFIX + "hello.txt").body())
                .isEqualTo(dev.iolab.contract.Fixtures.HELLO_TEXT.getBytes());
    }

    @ConformanceTest
    @DisplayName("HEAD works wherever GET does, with the same status and no body")
    void headWorksWhereGetDoes(TargetUnderTest target) {
        for (String path : List.of(
                Endpoints.ECHO + "?msg=head",
                Endpoints.DELAY + "?ms=0",
                Endpoints.FILES_PREFIX + "hello.txt",
                Endpoints.HEALTH,
                Endpoints.LIVENESS,
                Endpoints.READINESS,
                "/no-such-endpoint")) {
            HttpResponse<byte[]> get = Http.get(target, path);
            HttpResponse<byte[]> head = Http.head(target, path);
            assertThat(head.statusCode())
                    .as("HEAD %s answers like GET (%d)%n%s", path, get.statusCode(), Describe.response(head))
                    .isEqualTo(get.statusCode());
            assertThat(head.body())
                    .as("HEAD has no body%n%s", Describe.response(head))
                    .isEmpty();
            Checks.common(target, head);
        }
    }
}
