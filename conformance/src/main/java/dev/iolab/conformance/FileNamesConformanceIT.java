package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;

/**
 * File names: anything outside {@code [A-Za-z0-9_-][A-Za-z0-9._-]{0,127}} after one percent-decoding is
 * 400 or 404, and no encoding trick ever serves a byte from outside the data directory.
 */
@DisplayName("files names")
class FileNamesConformanceIT {

    /** Raw request-target suffixes after {@code /files/}; each must be refused. */
    static final List<String> TRICKS = List.of(
            "..%2fsecret.txt",
            "..%2Fsecret.txt",
            "%2e%2e%2fsecret.txt",
            "%2E%2E%2Fsecret.txt",
            "%2e%2e/secret.txt",
            "..%5csecret.txt",
            "..\\secret.txt",
            "%252e%252e%252fsecret.txt",
            "..%252fsecret.txt",
            "%c0%ae%c0%ae%c0%afsecret.txt",
            "..%c0%afsecret.txt",
            "%2e%2e%c0%afsecret.txt",
            "..%2fdata-evil%2fsecret.txt",
            "%2fetc%2fpasswd",
            "..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
            "....%2f%2fsecret.txt",
            "..;/secret.txt",
            "%00",
            "%00secret.txt",
            "hello.txt%00",
            "hello.txt%00.bin",
            "..",
            "%2e%2e",
            ".",
            "%2e",
            ".hidden",
            "%2ehello.txt",
            "a%20b.txt",
            "a%09b",
            "%C3%A9.txt",
            "a:b",
            "a*b",
            "x".repeat(129));

    @ConformanceTest
    @DisplayName("traversal and encoding tricks are 400 or 404 and never serve a byte from outside the data dir")
    void traversalTricksAreRefused(TargetUnderTest target, TestReporter reporter) throws IOException {
        String secret = target.outsideSecret().map(FileNamesConformanceIT::read).orElse(null);
        for (String trick : TRICKS) {
            String request = RawConnection.get(target, Endpoints.FILES_PREFIX + trick);
            RawResponse response;
            try (RawConnection connection = RawConnection.open(target)) {
                response = connection.send(request).read();
            }
            Checks.status(response, request, 400, 404);
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertThat(body)
                    .as(
                            "body must not contain /etc/passwd for%n    %s%n%s",
                            Describe.request(request), response.describe())
                    .doesNotContain("root:x:0:0");
            if (secret != null) {
                assertThat(body)
                        .as(
                                "body must not contain the secret outside the data dir for%n    %s%n%s",
                                Describe.request(request), response.describe())
                        .doesNotContain(secret.trim());
            }
        }
        if (secret == null) {
            reporter.publishEntry(
                    "partly N/A", "URL mode: no secret file planted next to the data dir; statuses checked only");
        }
    }

    @ConformanceTest
    @DisplayName("PUT with an illegal or traversing name is 400 or 404 and writes nothing outside")
    void putWithIllegalNameIsRefused(TargetUnderTest target) throws IOException {
        for (String trick : List.of(
                "..%2fescaped.txt",
                "%2e%2e%2fescaped.txt", "..%5cescaped.txt", ".escaped.txt", "%2fescaped.txt", "x".repeat(129))) {
            String request = "PUT " + target.path(Endpoints.FILES_PREFIX + trick) + " HTTP/1.1\r\nHost: "
                    + target.hostHeader() + "\r\nContent-Length: 7\r\nConnection: close\r\n\r\nescaped";
            RawResponse response;
            try (RawConnection connection = RawConnection.open(target)) {
                response = connection.send(request).read();
            }
            Checks.status(response, request, 400, 404);
        }
        if (target.dataDir().isPresent()) {
            Path data = target.dataDir().get();
            assertThat(data.getParent().resolve("escaped.txt"))
                    .as("file written outside the data dir")
                    .doesNotExist();
            assertThat(data.resolve(".escaped.txt"))
                    .as("dot file written in the data dir")
                    .doesNotExist();
        }
    }

    @ConformanceTest
    @DisplayName("the longest legal name (128 characters) is accepted")
    void longestLegalNameIsAccepted(TargetUnderTest target) {
        String name = "L" + Long.toHexString(System.nanoTime()) + "x".repeat(200);
        name = name.substring(0, 128);
        var put = Http.send(Http.request(target, Endpoints.FILES_PREFIX + name)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("long"))
                .build());
        Checks.status(put, 201);
        var get = Http.get(target, Endpoints.FILES_PREFIX + name);
        Checks.status(get, 200);
        assertThat(get.body())
                .as("body of%n%s", Describe.response(get))
                .isEqualTo("long".getBytes(StandardCharsets.US_ASCII));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
