package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileValidators;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * {@code /files/{name}} validators and conditional requests (RFC 9110 §8.8, §13) as the contract's
 * {@code FileValidators} and {@code Conditionals} define them: the same answer on every target.
 */
@DisplayName("conditional requests")
class ConditionalRequestsConformanceIT {

    private static final String RANGE = "bytes=0-9";

    @ConformanceTest
    @DisplayName("If-None-Match: a list holding the ETag, its weak form or * is 304 with the ETag; other tags 200")
    void ifNoneMatchComparesWeaklyThroughLists(TargetUnderTest target) {
        Uploaded file = Uploaded.fresh(target, "conf-inm", 300);
        for (String value : new String[] {
            file.etag,
            "\"x\", " + file.etag,
            "\"x\"," + file.etag + ",\"y\"",
            "W/" + file.etag,
            "\"x\", W/" + file.etag,
            "*"
        }) {
            HttpResponse<byte[]> response = file.get(target, "If-None-Match", value);
            Checks.status(response, 304);
            Checks.common(target, response);
            assertThat(response.body())
                    .as("304 has no body%n%s", Describe.response(response))
                    .isEmpty();
            assertThat(response.headers().firstValue("ETag"))
                    .as("ETag of the 304 for If-None-Match: %s%n%s", value, Describe.response(response))
                    .contains(file.etag);
        }
        for (String value : new String[] {"\"x\"", "\"x\", \"y\"", "W/\"x\""}) {
            HttpResponse<byte[]> response = file.get(target, "If-None-Match", value);
            Checks.status(response, 200);
            assertThat(response.body()).as("body for If-None-Match: %s", value).isEqualTo(file.bytes);
        }
    }

    @ConformanceTest
    @DisplayName(
            "If-Modified-Since: 304 at or after Last-Modified, 200 before it or when invalid, ignored beside If-None-Match")
    void ifModifiedSinceIsEvaluatedOnlyWithoutIfNoneMatch(TargetUnderTest target) {
        Uploaded file = Uploaded.fresh(target, "conf-ims", 300);
        String before = FileValidators.IMF_FIXDATE.format(file.lastModified.minusDays(1));
        String after = FileValidators.IMF_FIXDATE.format(file.lastModified.plusDays(1));
        Checks.status(file.get(target, "If-Modified-Since", file.lastModifiedText), 304);
        Checks.status(file.get(target, "If-Modified-Since", after), 304);
        Checks.status(file.get(target, "If-Modified-Since", before), 200);
        Checks.status(file.get(target, "If-Modified-Since", "not a date"), 200);
        // RFC 9110 §13.1.3: a recipient must ignore If-Modified-Since when the request has If-None-Match
        Checks.status(file.get(target, "If-None-Match", "\"other\"", "If-Modified-Since", after), 200);
        Checks.status(file.get(target, "If-None-Match", file.etag, "If-Modified-Since", before), 304);
    }

    @ConformanceTest
    @DisplayName(
            "If-Range: the strong ETag or the exact Last-Modified keep the Range (206); anything else sends it all (200)")
    void ifRangeKeepsTheRangeOnlyForThisVersion(TargetUnderTest target) {
        Uploaded file = Uploaded.fresh(target, "conf-ifrange", 300);
        String earlier = FileValidators.IMF_FIXDATE.format(file.lastModified.minusSeconds(10));
        for (String value : new String[] {file.etag, file.lastModifiedText}) {
            HttpResponse<byte[]> response = file.get(target, "Range", RANGE, "If-Range", value);
            Checks.status(response, 206);
            Checks.common(target, response);
            assertThat(response.body())
                    .as("bytes for If-Range: %s%n%s", value, Describe.response(response))
                    .isEqualTo(Arrays.copyOf(file.bytes, 10));
        }
        for (String value : new String[] {"\"other\"", "W/" + file.etag, earlier}) {
            HttpResponse<byte[]> response = file.get(target, "Range", RANGE, "If-Range", value);
            Checks.status(response, 200);
            assertThat(response.body())
                    .as("whole file for If-Range: %s%n%s", value, Describe.response(response))
                    .isEqualTo(file.bytes);
        }
    }

    @ConformanceTest
    @DisplayName(
            "ETag is the contract's strong \"size-mtime-filekey\" in hex, and a replacement of the same size changes it")
    void etagFollowsTheContractsFormula(TargetUnderTest target) throws IOException {
        Uploaded first = Uploaded.fresh(target, "conf-etag", 300);
        assertThat(first.etag).as("ETag of a 300-byte file").matches("\"12c-[0-9a-f]+-[0-9a-f]+\"");
        Optional<Path> dataDir = target.dataDir();
        if (dataDir.isPresent()) {
            // launched here: the exact value is the contract's formula over the file's attributes
            Path stored = dataDir.get().resolve(first.name);
            assertThat(first.etag)
                    .as("ETag of %s", stored)
                    .isEqualTo(FileValidators.etag(Files.readAttributes(stored, BasicFileAttributes.class)));
        }
        Uploaded replaced = first.replace(target);
        assertThat(replaced.etag)
                .as("ETag after a same-size replacement")
                .isNotEqualTo(first.etag)
                .matches("\"12c-[0-9a-f]+-[0-9a-f]+\"");
        Checks.status(first.get(target, "If-None-Match", first.etag), 200);
    }

    /** A file this test uploaded, with the validators a GET reported for it. */
    private record Uploaded(
            String path, String name, byte[] bytes, String etag, String lastModifiedText, ZonedDateTime lastModified) {

        static Uploaded fresh(TargetUnderTest target, String prefix, int size) {
            String name = UploadConformanceIT.uniqueName(prefix);
            return put(target, name, Payloads.bytes(size, size));
        }

        Uploaded replace(TargetUnderTest target) {
            return put(target, name, Payloads.bytes(bytes.length + 1L, bytes.length));
        }

        private static Uploaded put(TargetUnderTest target, String name, byte[] bytes) {
            String path = Endpoints.FILES_PREFIX + name;
            Checks.status(
                    Http.send(Http.request(target, path)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build()),
                    201,
                    204);
            HttpResponse<byte[]> get = Http.get(target, path);
            Checks.status(get, 200);
            String etag = get.headers()
                    .firstValue("ETag")
                    .orElseThrow(() -> new AssertionError("no ETag on\n" + Describe.response(get)));
            String lastModified = get.headers()
                    .firstValue("Last-Modified")
                    .orElseThrow(() -> new AssertionError("no Last-Modified on\n" + Describe.response(get)));
            return new Uploaded(
                    path,
                    name,
                    bytes,
                    etag,
                    lastModified,
                    ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME));
        }

        HttpResponse<byte[]> get(TargetUnderTest target, String... headers) {
            return Http.send(Http.request(target, path).headers(headers).GET().build());
        }
    }
}
