package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;

/** Range requests on files (RFC 9110 §14): single ranges are 206, unsatisfiable ones 416, several 200 or multipart. */
@DisplayName("files ranges")
class FileRangesConformanceIT {

    private static final String NAME = "1m.bin";
    private static final byte[] FILE = Fixtures.bytes(NAME);
    private static final int SIZE = FILE.length;

    @ConformanceTest
    @DisplayName("Range bytes=a-b is 206 with Content-Range and exactly those bytes")
    void closedRangeIs206(TargetUnderTest target) {
        assertPartial(target, "bytes=100-1099", 100, 1099);
        assertPartial(target, "bytes=0-0", 0, 0);
    }

    @ConformanceTest
    @DisplayName("Range bytes=a- is 206 up to the last byte")
    void openEndedRangeIs206(TargetUnderTest target) {
        assertPartial(target, "bytes=" + (SIZE - 5000) + "-", SIZE - 5000, SIZE - 1);
    }

    @ConformanceTest
    @DisplayName("Range bytes=-n is 206 with the last n bytes")
    void suffixRangeIs206(TargetUnderTest target) {
        assertPartial(target, "bytes=-500", SIZE - 500, SIZE - 1);
    }

    @ConformanceTest
    @DisplayName("a range whose end lies past the file is served up to the last byte (206)")
    void rangeEndPastFileIsClamped(TargetUnderTest target) {
        assertPartial(target, "bytes=" + (SIZE - 10) + "-" + (SIZE + 1000), SIZE - 10, SIZE - 1);
    }

    @ConformanceTest
    @DisplayName("a range starting beyond the end is 416 with Content-Range: bytes */size")
    void rangeBeyondEndIs416(TargetUnderTest target) {
        assertUnsatisfiable(target, "bytes=" + SIZE + "-" + (SIZE + 100));
    }

    @ConformanceTest
    @DisplayName("a range starting past 2^63 (a position no long holds) is 416 too, not an error or a wrap-around")
    void rangeBeyondLongIs416(TargetUnderTest target) {
        assertUnsatisfiable(target, "bytes=99999999999999999999999-");
    }

    private static void assertUnsatisfiable(TargetUnderTest target, String range) {
        HttpResponse<byte[]> response = range(target, range);
        Checks.status(response, 416);
        Checks.common(target, response);
        assertThat(response.headers().firstValue("Content-Range"))
                .as("Content-Range of%n%s", Describe.response(response))
                .contains("bytes */" + SIZE);
    }

    @ConformanceTest
    @DisplayName("several ranges are 200 with the whole file or 206 multipart/byteranges")
    void multipleRangesAreWholeOrMultipart(TargetUnderTest target) {
        HttpResponse<byte[]> response = range(target, "bytes=0-9,2000-2099");
        Checks.status(response, 200, 206);
        Checks.common(target, response);
        if (response.statusCode() == 200) {
            assertThat(response.body())
                    .as("200 to several ranges carries the whole file")
                    .isEqualTo(FILE);
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertThat(Checks.essence(type))
                .as("Content-Type of%n%s", Describe.response(response))
                .isEqualTo("multipart/byteranges");
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        assertThat(body)
                .as("multipart body names both parts%n%s", Describe.response(response))
                .contains("bytes 0-9/" + SIZE)
                .contains("bytes 2000-2099/" + SIZE)
                .contains(new String(Arrays.copyOfRange(FILE, 0, 10), StandardCharsets.ISO_8859_1))
                .contains(new String(Arrays.copyOfRange(FILE, 2000, 2100), StandardCharsets.ISO_8859_1));
    }

    private static void assertPartial(TargetUnderTest target, String range, int first, int last) {
        HttpResponse<byte[]> response = range(target, range);
        Checks.status(response, 206);
        Checks.common(target, response);
        String what = "Range: " + range + " ->\n" + Describe.response(response);
        assertThat(response.headers().firstValue("Content-Range"))
                .as("Content-Range, %s", what)
                .contains("bytes " + first + "-" + last + "/" + SIZE);
        assertThat(response.headers().firstValue("Content-Length"))
                .as("Content-Length, %s", what)
                .contains(Integer.toString(last - first + 1));
        assertThat(response.body()).as("partial body, %s", what).isEqualTo(Arrays.copyOfRange(FILE, first, last + 1));
    }

    private static HttpResponse<byte[]> range(TargetUnderTest target, String range) {
        return Http.send(Http.request(target, Endpoints.FILES_PREFIX + NAME)
                .header("Range", range)
                .GET()
                .build());
    }
}
