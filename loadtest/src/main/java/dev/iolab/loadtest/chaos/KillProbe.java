package dev.iolab.loadtest.chaos;

import dev.iolab.conformance.hostile.LatencyProbe;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.UploadTemporaries;
import dev.iolab.loadtest.runner.CpuPinning;
import dev.iolab.loadtest.runner.TargetProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * SIGKILL of a target while a normal client runs and an upload is half sent, then the same command started again
 * (what a supervisor or the kubelet does): how long until the client is served again, what failed meanwhile, and
 * whether the files survived as the contract says (the finished upload whole, the cut one invisible, no temporaries).
 */
final class KillProbe {

    /** Size of the upload the kill cuts: far more than is sent, so it is always mid-body when the kill comes. */
    static final int PARTIAL_DECLARED = 8 << 20;

    static final int PARTIAL_SENT = 1 << 20;

    /** Answers the normal client must have had before the kill. */
    static final int BEFORE_KILL = 10;

    /** The longest a killed target may take to serve the normal client again before the probe gives up. */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);

    private final CpuPinning pinning;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    KillProbe(CpuPinning pinning) {
        this.pinning = pinning;
    }

    /**
     * Kills {@code target} and restarts it; the normal client and the file checks go to {@code base} (the target, or
     * its route on a gateway in front of it).
     */
    Resilience.Kill run(TargetProcess target, URI base) {
        String run = Long.toHexString(System.nanoTime() & 0xffffffL);
        String kept = "chaos-kept-" + run + ".bin";
        String partial = "chaos-partial-" + run + ".bin";
        byte[] body = new byte[256 * 1024];
        ThreadLocalRandom.current().nextBytes(body);
        try (LatencyProbe normal = new LatencyProbe(
                target.id() + " kill",
                URI.create(base + Endpoints.ECHO + "?msg=normal"),
                Duration.ofSeconds(2),
                Duration.ofMillis(50),
                false,
                "normal"::equals)) {
            int put = send(HttpRequest.newBuilder(file(base, kept)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)))
                    .statusCode();
            if (put / 100 != 2) {
                return failed("the upload before the kill got " + put);
            }
            // the client served before the kill: a baseline of answers, so a failure after it is the kill's
            Awaitility.await("answers of the normal client before the kill")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> normal.all().stream().filter(a -> !a.failed()).count() >= BEFORE_KILL);
            try (Socket cut = startUpload(base, partial)) {
                long killedAt = normal.now();
                Duration exit = target.kill();
                long goneAt = killedAt + exit.toNanos();
                Duration ready = target.restart();
                // like the first launch: started on every CPU, moved to the target's own once ready, so the
                // recovery below is served by a process on the same CPUs as everything else measured
                pinning.pinTarget(target.pid().orElseThrow());
                long recoveredAt = awaitServed(normal, goneAt);
                List<LatencyProbe.Sample> down = normal.window(killedAt, recoveredAt);
                long failed = down.stream().filter(LatencyProbe.Sample::failed).count();
                HttpResponse<byte[]> back = client.send(
                        HttpRequest.newBuilder(file(base, kept))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                int partialStatus =
                        send(HttpRequest.newBuilder(file(base, partial))).statusCode();
                // the contract has no DELETE: remove what this probe wrote where the data directory is visible
                if (target.dataDir().isPresent()) {
                    Files.deleteIfExists(target.dataDir().get().resolve(kept));
                }
                return new Resilience.Kill(
                        exit.toMillis(),
                        ready.toMillis(),
                        (recoveredAt - killedAt) / 1_000_000,
                        failed,
                        back.statusCode() == 200 && Arrays.equals(back.body(), body),
                        partialStatus == 200,
                        temporaries(target),
                        null);
            }
        } catch (IOException | RuntimeException e) {
            return failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private static Resilience.Kill failed(String why) {
        return new Resilience.Kill(-1, -1, -1, -1, false, false, -1, why);
    }

    private static URI file(URI base, String name) {
        return URI.create(base + Endpoints.FILES_PREFIX + name);
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** A PUT that declares {@link #PARTIAL_DECLARED} bytes and sends {@link #PARTIAL_SENT}: in flight at the kill. */
    private static Socket startUpload(URI base, String name) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(2_000);
        OutputStream out = socket.getOutputStream();
        String path = (base.getRawPath() == null ? "" : base.getRawPath()) + Endpoints.FILES_PREFIX + name;
        out.write(("PUT " + path + " HTTP/1.1\r\nHost: " + base.getRawAuthority() + "\r\nContent-Length: "
                        + PARTIAL_DECLARED + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[PARTIAL_SENT]);
        out.flush();
        return socket;
    }

    /**
     * When (probe clock) the normal client first got an answer from a request started after the old process was gone.
     */
    private static long awaitServed(LatencyProbe normal, long goneAt) {
        return Awaitility.await("the normal client served again after the kill")
                .atMost(RECOVERY_LIMIT)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> normal.window(goneAt, Long.MAX_VALUE).stream()
                                .filter(s -> !s.failed())
                                .mapToLong(s -> s.startNanos() + s.latencyNanos())
                                .min(),
                        java.util.OptionalLong::isPresent)
                .getAsLong();
    }

    /** Upload temporaries in the target's data directory after its restart; -1 when it is not visible from here. */
    private static int temporaries(TargetProcess target) throws IOException {
        if (target.dataDir().isEmpty()) {
            return -1;
        }
        int count = 0;
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(target.dataDir().get())) {
            for (Path p : files) {
                if (UploadTemporaries.isTemporary(p.getFileName().toString())) {
                    count++;
                }
            }
        }
        return count;
    }
}
