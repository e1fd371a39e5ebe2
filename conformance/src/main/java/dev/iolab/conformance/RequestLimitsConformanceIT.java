package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** The equal request-size limits: request line up to 8 KiB, header section up to 16 KiB; above them 414/431 or 400. */
@DisplayName("request limits")
class RequestLimitsConformanceIT {

    @ConformanceTest
    @DisplayName("a request line over 8 KiB is 414 or 400")
    void requestLineOverLimitIs414(TargetUnderTest target) throws IOException {
        String msg = "a".repeat(Limits.MAX_REQUEST_LINE_BYTES + 100);
        RawResponse response = Exchanges.exchange(target, RawConnection.get(target, Endpoints.ECHO + "?msg=" + msg));
        Checks.status(response, "GET /echo?msg=<" + msg.length() + " x a>", 414, 400);
    }

    @ConformanceTest
    @DisplayName("a request line a little under 8 KiB is served")
    void requestLineUnderLimitIsServed(TargetUnderTest target) throws IOException {
        String msg = "b".repeat(Limits.MAX_REQUEST_LINE_BYTES - 512);
        RawResponse response = Exchanges.exchange(target, RawConnection.get(target, Endpoints.ECHO + "?msg=" + msg));
        Checks.status(response, "GET /echo?msg=<" + msg.length() + " x b>", 200);
        assertThat(response.bodyText()).as("echoed text").isEqualTo(msg);
    }

    @ConformanceTest
    @DisplayName("a header section over 16 KiB is 431 or 400")
    void headerSectionOverLimitIs431(TargetUnderTest target) throws IOException {
        RawResponse response = Exchanges.exchange(
                target,
                RawConnection.get(target, Endpoints.ECHO + "?msg=a", headers(Limits.MAX_HEADER_SECTION_BYTES + 1024)));
        Checks.status(
                response, "GET /echo with " + (Limits.MAX_HEADER_SECTION_BYTES + 1024) + " bytes of headers", 431, 400);
    }

    @ConformanceTest
    @DisplayName("a header section a little under 16 KiB is served")
    void headerSectionUnderLimitIsServed(TargetUnderTest target) throws IOException {
        RawResponse response = Exchanges.exchange(
                target,
                RawConnection.get(target, Endpoints.ECHO + "?msg=a", headers(Limits.MAX_HEADER_SECTION_BYTES - 1024)));
        Checks.status(
                response, "GET /echo with " + (Limits.MAX_HEADER_SECTION_BYTES - 1024) + " bytes of headers", 200);
    }

    /** Header lines of about 1 KiB each, {@code total} bytes together. */
    private static String[] headers(int total) {
        List<String> lines = new ArrayList<>();
        int size = 0;
        for (int i = 0; size < total; i++) {
            String line = "X-Filler-" + i + ": " + "v".repeat(Math.min(1000, Math.max(1, total - size - 16)));
            lines.add(line);
            size += line.length() + 2;
        }
        return lines.toArray(String[]::new);
    }
}
