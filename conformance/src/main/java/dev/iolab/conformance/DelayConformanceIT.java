package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** {@code GET /delay?ms=N}: "ok" after at least N ms for 0..10000, 400 for anything else. */
@DisplayName("delay")
class DelayConformanceIT {

    @ConformanceTest
    @DisplayName("answers 200 text/plain \"ok\" after at least N ms")
    void delayAnswersOkAfterAtLeastN(TargetUnderTest target) {
        for (int ms : List.of(0, 300)) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = Http.get(target, Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=" + ms);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            Checks.status(response, 200);
            Checks.common(target, response);
            assertThat(Checks.essence(
                            response.headers().firstValue("Content-Type").orElse(null)))
                    .as("Content-Type of%n%s", Describe.response(response))
                    .isEqualTo(MediaTypes.TEXT_PLAIN);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .as("body of%n%s", Describe.response(response))
                    .isEqualTo(Endpoints.DELAY_BODY);
            assertThat(elapsedMs)
                    .as("milliseconds until the answer to ms=%d", ms)
                    .isGreaterThanOrEqualTo(ms);
        }
    }

    @ConformanceTest
    @DisplayName("rejects a non-integer, negative, too large or missing ms with 400")
    void delayRejectsBadValues(TargetUnderTest target) {
        for (String query : List.of(
                "?ms=abc",
                "?ms=1.5",
                "?ms=-1",
                "?ms=" + (Limits.MAX_DELAY_MS + 1),
                "?ms=99999999999",
                "?ms=",
                "?ms=0x10",
                "")) {
            HttpResponse<byte[]> response = Http.get(target, Endpoints.DELAY + query);
            Checks.status(response, 400);
            Checks.common(target, response);
        }
    }

    @ConformanceTest
    @DisplayName("reads ms after one percent-decoding as 1*DIGIT: leading zeros and %31 are 1 ms")
    void delayAcceptsDigitsAfterOneDecoding(TargetUnderTest target) {
        for (String query : List.of("?ms=000001", "?ms=%31", "?ms=%30%30", "?ms=00", "?other=x&ms=1", "?ms=1&ms=abc")) {
            HttpResponse<byte[]> response = Http.get(target, Endpoints.DELAY + query);
            assertThat(response.statusCode())
                    .as(
                            "GET /delay%s (DelayParameter: 1*DIGIT after one decoding)%n%s",
                            query, Describe.response(response))
                    .isEqualTo(200);
            Checks.common(target, response);
        }
    }

    @ConformanceTest
    @DisplayName("refuses signs, exponents, spaces, double encoding and huge values with 400")
    void delayRefusesEveryOtherSpelling(TargetUnderTest target) {
        for (String query : List.of(
                "?ms=%2B1",
                "?ms=+1",
                "?ms=-0",
                "?ms=%2D1",
                "?ms=1e3",
                "?ms=1E3",
                "?ms=%201",
                "?ms=1%20",
                "?ms=%2531",
                "?ms=4294967297",
                "?ms=" + "9".repeat(40),
                "?ms",
                "?ms=abc&ms=1",
                "?MS=1")) {
            HttpResponse<byte[]> response = Http.get(target, Endpoints.DELAY + query);
            assertThat(response.statusCode())
                    .as(
                            "GET /delay%s (DelayParameter: 1*DIGIT after one decoding)%n%s",
                            query, Describe.response(response))
                    .isEqualTo(400);
            Checks.common(target, response);
        }
    }
}
