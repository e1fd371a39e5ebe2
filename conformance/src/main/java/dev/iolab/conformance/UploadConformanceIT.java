package dev.iolab.conformance;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;

/** {@code PUT /files/{name}}: 201 new, 204 replaced, what was put is what is read, 413 over the limit leaves the file alone. */
@DisplayName("upload")
class UploadConformanceIT {

    static String uniqueName(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime()) + ".bin";
    }

    @ConformanceTest
    @DisplayName("PUT of a new name is 201 and GET then returns exactly what was put")
    void putNewFileIs201ThenGetReturnsIt(TargetUnderTest target) {
        String path = Endpoints.FILES_PREFIX + uniqueName("conf-new");
        byte[] content = Payloads.bytes(42, 300_000);
        HttpResponse<byte[]> put = Http.send(Http.request(target, path)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build());
        Checks.status(put, 201);
        Checks.common(target, put);
        assertContent(target, path, content);
    }

    @ConformanceTest
    @DisplayName("PUT over an existing name is 204 and replaces it (also chunked)")
    void putExistingFileIs204AndReplacesIt(TargetUnderTest target) {
        String path = Endpoints.FILES_PREFIX + uniqueName("conf-replace");
        Checks.status(
                Http.send(Http.request(target, path)
                        .PUT(HttpRequest.BodyPublishers.ofString("first version"))
                        .build()),
                201);
        byte[] second = Payloads.bytes(7, 70_000);
        HttpResponse<byte[]> replaced = Http.send(Http.request(target, path)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(second)))
                .build());
        Checks.status(replaced, 204);
        Checks.common(target, replaced);
        assertContent(target, path, second);
        // a shorter replacement must not leave the tail of the longer one behind
        Checks.status(
                Http.send(Http.request(target, path)
                        .PUT(HttpRequest.BodyPublishers.ofString("short"))
                        .build()),
                204);
        assertContent(target, path, "short".getBytes());
    }

    @ConformanceTest
    @DisplayName("PUT of an empty body stores an empty file")
    void putEmptyBodyStoresEmptyFile(TargetUnderTest target) {
        String path = Endpoints.FILES_PREFIX + uniqueName("conf-empty");
        Checks.status(
                Http.send(Http.request(target, path)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                        .build()),
                201);
        assertContent(target, path, new byte[0]);
    }

    @ConformanceTest
    @DisplayName("PUT over 64 MiB with Content-Length is 413 and the existing file is untouched")
    void putOverLimitIs413AndLeavesFileUntouched(TargetUnderTest target) throws IOException {
        assertOverLimitRefused(target, false);
    }

    @ConformanceTest
    @DisplayName("PUT over 64 MiB chunked is 413 and the existing file is untouched")
    void putChunkedOverLimitIs413AndLeavesFileUntouched(TargetUnderTest target) throws IOException {
        assertOverLimitRefused(target, true);
    }

    @ConformanceTest
    @DisplayName("PUT over 64 MiB to a new name is 413 and creates nothing")
    void putOverLimitToNewNameCreatesNothing(TargetUnderTest target) throws IOException {
        String path = Endpoints.FILES_PREFIX + uniqueName("conf-never");
        RawResponse response = putOverLimit(target, path, false);
        Checks.status(response, "PUT " + path + " (Content-Length: " + (Limits.MAX_UPLOAD_BYTES + 1) + ")", 413);
        HttpResponse<byte[]> get = Http.get(target, path);
        Checks.status(get, 404);
    }

    private static void assertOverLimitRefused(TargetUnderTest target, boolean chunked) throws IOException {
        String path = Endpoints.FILES_PREFIX + uniqueName(chunked ? "conf-limit-chunked" : "conf-limit");
        byte[] original = Payloads.bytes(99, 1024);
        Checks.status(
                Http.send(Http.request(target, path)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(original))
                        .build()),
                201);
        RawResponse response = putOverLimit(target, path, chunked);
        Checks.status(
                response,
                "PUT " + path + (chunked ? " (chunked, " : " (Content-Length, ") + (Limits.MAX_UPLOAD_BYTES + 1)
                        + " bytes)",
                413);
        assertContent(target, path, original);
    }

    /** Sends one byte more than the limit (streamed, the server may stop reading early) and reads the answer. */
    static RawResponse putOverLimit(TargetUnderTest target, String path, boolean chunked) throws IOException {
        long size = Limits.MAX_UPLOAD_BYTES + 1;
        String head = RawConnection.request(
                "PUT", target, path, chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size);
        try (RawConnection connection = RawConnection.open(target)) {
            connection.send(head);
            try (BodyWriter ignored = BodyWriter.start(connection, Payloads.stream(5, size), chunked)) {
                return connection.read();
            }
        }
    }

    static void assertContent(TargetUnderTest target, String path, byte[] expected) {
        HttpResponse<byte[]> get = Http.get(target, path);
        Checks.status(get, 200);
        if (!Arrays.equals(get.body(), expected)) {
            throw new AssertionError("GET " + path + " returned " + get.body().length + " bytes (SHA-256 "
                    + Payloads.sha256(get.body()) + "), expected the " + expected.length + " bytes put (SHA-256 "
                    + Payloads.sha256(expected) + ")\n" + Describe.response(get));
        }
    }
}
