package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;

/**
 * Atomic uploads: slow concurrent PUTs to one name while readers GET it. Every read sees one complete
 * version (never a partial file) and the end state is exactly one upload's bytes.
 */
@DisplayName("upload under concurrency")
class ConcurrentUploadConformanceIT {

    static final int UPLOADERS = 4;
    static final int SIZE = 512 * 1024;
    static final int CREATORS = 6;

    @ConformanceTest
    @DisplayName(
            "concurrent slow uploads to one name leave exactly one complete upload; readers never see a partial file,"
                    + " and one ETag always comes with the same body")
    void concurrentUploadsLeaveOneCompleteUpload(TargetUnderTest target) throws Exception {
        String path = Endpoints.FILES_PREFIX + UploadConformanceIT.uniqueName("conf-race");
        byte[] initial = Payloads.bytes(1000, SIZE / 2);
        Checks.status(
                Http.send(Http.request(target, path)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(initial))
                        .build()),
                201);
        Map<String, String> versions = new ConcurrentHashMap<>(); // SHA-256 -> which version
        versions.put(Payloads.sha256(initial), "initial");
        for (int i = 0; i < UPLOADERS; i++) {
            versions.put(Payloads.sha256(2000 + i, SIZE), "upload " + i);
        }
        Set<String> problems = ConcurrentHashMap.newKeySet();
        // ETag -> the body first seen with it: one ETag with two bodies is headers of one version on another's bytes
        Map<String, String> bodyByEtag = new ConcurrentHashMap<>();
        AtomicBoolean uploading = new AtomicBoolean(true);
        List<Integer> reads = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int i = 0; i < UPLOADERS; i++) {
                long seed = 2000 + i;
                // trickled: 32 pieces, 15 ms apart, so each upload is in flight for about half a second
                uploads.add(pool.submit(() -> Http.send(
                                Http.request(target, path)
                                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                                HttpRequest.BodyPublishers.ofInputStream(
                                                        () -> slow(Payloads.stream(seed, SIZE))),
                                                SIZE))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int count = 0;
                    while (uploading.get() && count < 200) {
                        HttpResponse<byte[]> get = Http.get(target, path);
                        String sha = Payloads.sha256(get.body());
                        String version = versions.get(sha);
                        if (get.statusCode() != 200 || version == null) {
                            problems.add("a reader saw " + get.statusCode() + " with " + get.body().length
                                    + " bytes, not any complete version");
                        }
                        String etag = get.headers().firstValue("ETag").orElse(null);
                        String earlier = etag == null ? null : bodyByEtag.putIfAbsent(etag, sha);
                        if (get.statusCode() == 200 && (etag == null || (earlier != null && !earlier.equals(sha)))) {
                            problems.add("ETag " + etag + " came with two different bodies (" + version + ")");
                        }
                        count++;
                    }
                    return count;
                }));
            }
            for (Future<Integer> upload : uploads) {
                int status = upload.get(60, TimeUnit.SECONDS);
                if (status != 201 && status != 204) {
                    problems.add("an upload answered " + status + " (expected 204, or 201 if it raced the first)");
                }
            }
            uploading.set(false);
            for (Future<Integer> reader : readers) {
                reads.add(reader.get(60, TimeUnit.SECONDS));
            }
        }
        assertThat(problems)
                .as("problems during %d concurrent uploads with %s reads", UPLOADERS, reads)
                .isEmpty();
        HttpResponse<byte[]> last = Http.get(target, path);
        Checks.status(last, 200);
        String version = versions.get(Payloads.sha256(last.body()));
        assertThat(version)
                .as("final content (%d bytes) is exactly one of the uploads", last.body().length)
                .isNotNull()
                .startsWith("upload");
    }

    @ConformanceTest
    @DisplayName("of concurrent creators of a new name exactly one gets 201, the others 204")
    void exactlyOneConcurrentCreatorGets201(TargetUnderTest target) throws Exception {
        for (int round = 0; round < 3; round++) {
            String path = Endpoints.FILES_PREFIX + UploadConformanceIT.uniqueName("conf-create");
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> creators = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CREATORS; i++) {
                    byte[] body = Payloads.bytes(3000 + i, 4096);
                    creators.add(pool.submit(() -> {
                        go.await();
                        return Http.send(
                                        Http.request(target, path)
                                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> creator : creators) {
                    statuses.add(creator.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses)
                        .as("statuses of %d concurrent PUTs creating %s (UploadPublisher)", CREATORS, path)
                        .containsOnly(201, 204)
                        .filteredOn(status -> status == 201)
                        .hasSize(1);
            }
        }
    }

    /** Wraps a body so it is handed to the client in 16 KiB pieces with a pause between: a slow uploader. */
    private static InputStream slow(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                RawConnection.pace(Duration.ofMillis(15));
                return in.read(b, off, Math.min(len, 16 * 1024));
            }
        };
    }
}
