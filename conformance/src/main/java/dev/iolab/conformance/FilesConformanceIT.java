package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** {@code GET|HEAD /files/{name}}: the fixtures byte for byte with their validators, HEAD, 304 and 404. */
@DisplayName("files")
class FilesConformanceIT {

    @ConformanceTest
    @DisplayName(
            "GET serves every fixture byte for byte with Content-Length, type, Accept-Ranges, strong ETag, Last-Modified")
    void fixturesAreServedByteForByte(TargetUnderTest target) throws IOException {
        for (Map.Entry<String, Long> fixture : Fixtures.SIZES.entrySet()) {
            String name = fixture.getKey();
            HttpResponse<InputStream> response = Http.send(
                    Http.request(target, Endpoints.FILES_PREFIX + name).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Payloads.DigestSink received = new Payloads.DigestSink();
            byte[] head;
            try (InputStream body = response.body()) {
                head = body.readNBytes(200);
                received.write(head, 0, head.length);
                body.transferTo(received);
            }
            String what = "GET /files/" + name + " -> " + response.statusCode() + " "
                    + response.headers().map() + " body starts " + Describe.bytes(head, 120);
            assertThat(response.statusCode()).as(what).isEqualTo(200);
            Checks.common(target, response);
            assertThat(response.headers().firstValue("Content-Length"))
                    .as("Content-Length, " + what)
                    .contains(Long.toString(fixture.getValue()));
            assertThat(Checks.essence(
                            response.headers().firstValue("Content-Type").orElse(null)))
                    .as("Content-Type, " + what)
                    .isEqualTo(MediaTypes.forFileName(name));
            assertValidators(response, what);
            assertThat(received.count()).as("body length, " + what).isEqualTo(fixture.getValue());
            assertThat(received.hex()).as("body SHA-256, " + what).isEqualTo(Payloads.sha256(Fixtures.open(name)));
        }
    }

    @ConformanceTest
    @DisplayName("HEAD answers the same headers as GET and no body")
    void headHasGetHeadersAndNoBody(TargetUnderTest target) throws IOException {
        String path = Endpoints.FILES_PREFIX + "64k.bin";
        HttpResponse<byte[]> get = Http.get(target, path);
        Checks.status(get, 200);
        try (RawConnection connection = RawConnection.open(target)) {
            String head = RawConnection.request("HEAD", target, path);
            RawResponse response = connection.send(head).readHead();
            Checks.status(response, head, 200);
            Checks.common(target, response, "HEAD", true);
            for (String name : List.of("Content-Length", "Content-Type", "ETag", "Last-Modified", "Accept-Ranges")) {
                assertThat(response.header(name))
                        .as(
                                "%s of HEAD equals GET's (%s) in%n%s",
                                name, get.headers().firstValue(name).orElse("absent"), response.describe())
                        .isEqualTo(get.headers().firstValue(name));
            }
            // A body after the HEAD response would be read as the next response's status line.
            String next = RawConnection.get(target, Endpoints.ECHO + "?msg=after-head");
            RawResponse after = connection.send(next).read();
            assertThat(after.status())
                    .as(
                            "response after HEAD on the same connection (a HEAD body would garble it)%n%s",
                            after.describe())
                    .isEqualTo(200);
            assertThat(after.bodyText())
                    .as("body after HEAD%n%s", after.describe())
                    .isEqualTo("after-head");
        }
    }

    @ConformanceTest
    @DisplayName("If-None-Match with the current ETag is 304, with another ETag 200")
    void ifNoneMatchWithTheEtagIs304(TargetUnderTest target) {
        String path = Endpoints.FILES_PREFIX + "1k.bin";
        HttpResponse<byte[]> first = Http.get(target, path);
        Checks.status(first, 200);
        String etag = first.headers()
                .firstValue("ETag")
                .orElseThrow(() -> new AssertionError("no ETag on\n" + Describe.response(first)));
        HttpResponse<byte[]> notModified = Http.send(
                Http.request(target, path).header("If-None-Match", etag).GET().build());
        Checks.status(notModified, 304);
        assertThat(notModified.body())
                .as("304 has no body%n%s", Describe.response(notModified))
                .isEmpty();
        HttpResponse<byte[]> other = Http.send(Http.request(target, path)
                .header("If-None-Match", "\"not-the-etag\"")
                .GET()
                .build());
        Checks.status(other, 200);
        assertThat(other.body()).as("body of%n%s", Describe.response(other)).isEqualTo(Fixtures.bytes("1k.bin"));
    }

    @ConformanceTest
    @DisplayName("a missing file is 404")
    void missingFileIs404(TargetUnderTest target) {
        HttpResponse<byte[]> response =
                Http.get(target, Endpoints.FILES_PREFIX + "no-such-file-" + System.nanoTime() + ".bin");
        Checks.status(response, 404);
        Checks.common(target, response);
        HttpResponse<byte[]> head = Http.head(target, Endpoints.FILES_PREFIX + "no-such-file.txt");
        Checks.status(head, 404);
    }

    @ConformanceTest
    @DisplayName("Content-Type follows the extension (.bin .txt .json .html)")
    void contentTypeFollowsExtension(TargetUnderTest target) {
        String base = "conf-type-" + Long.toHexString(System.nanoTime());
        for (String ext : List.of(".bin", ".txt", ".json", ".html")) {
            String path = Endpoints.FILES_PREFIX + base + ext;
            HttpResponse<byte[]> put = Http.send(Http.request(target, path)
                    .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
            Checks.status(put, 201, 204);
            HttpResponse<byte[]> get = Http.get(target, path);
            Checks.status(get, 200);
            assertThat(Checks.essence(get.headers().firstValue("Content-Type").orElse(null)))
                    .as("Content-Type of %s in%n%s", ext, Describe.response(get))
                    .isEqualTo(MediaTypes.forFileName(base + ext));
        }
    }

    static void assertValidators(HttpResponse<?> response, String what) {
        assertThat(response.headers().firstValue("Accept-Ranges"))
                .as("Accept-Ranges, " + what)
                .contains("bytes");
        String etag = response.headers().firstValue("ETag").orElse("");
        assertThat(etag).as("strong ETag (a quoted string, no W/), " + what).matches("\"[^\"]*\"");
        String lastModified = response.headers().firstValue("Last-Modified").orElse("");
        assertThat(lastModified).as("Last-Modified, " + what).isNotEmpty();
        ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
