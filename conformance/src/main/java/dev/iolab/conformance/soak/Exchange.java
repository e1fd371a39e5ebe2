package dev.iolab.conformance.soak;

import dev.iolab.conformance.Checks;
import dev.iolab.conformance.Payloads;
import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.RawResponse;
import dev.iolab.conformance.TargetUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * One request with a generated body on a kept-alive raw connection, written on a virtual thread while the
 * response is read (a streaming echo answers before it has read everything), and its response digested, never held.
 *
 * @param method {@code POST}, {@code PUT} or {@code GET}
 * @param path the contract path
 * @param seed the body's generator seed ({@link Payloads#stream})
 * @param size the body's length; 0 for a GET sends no body and no Content-Length
 */
record Exchange(String method, String path, long seed, long size) {

    /** What came back: the response (its body digested into {@code body}) and the bytes the writer got out. */
    record Outcome(String method, RawResponse response, Payloads.DigestSink body) {

        /** Empty when the response is {@code expected} and framed, with X-IO-Model; else why not, for the report. */
        Optional<String> problem(TargetUnderTest target, String what, int... expected) {
            for (int status : expected) {
                if (response.status() == status) {
                    try {
                        Checks.common(target, response, method, true);
                    } catch (AssertionError e) {
                        return Optional.of(what + ": " + e.getMessage());
                    }
                    return response.complete()
                            ? Optional.empty()
                            : Optional.of(what + ": incomplete response\n" + response.describe());
                }
            }
            return Optional.of(what + ": status " + response.status() + "\n" + response.describe());
        }

        /** Empty when the body is exactly {@code length} bytes with SHA-256 {@code hex}. */
        Optional<String> bodyProblem(String what, long length, String hex) {
            if (body.count() != length) {
                return Optional.of(what + ": " + body.count() + " body bytes, expected " + length);
            }
            return body.hex().equals(hex) ? Optional.empty() : Optional.of(what + ": body SHA-256 differs");
        }
    }

    /** Sends this exchange on {@code connection} and reads its response. */
    Outcome run(TargetUnderTest target, RawConnection connection) throws IOException {
        boolean body = !method.equals("GET");
        String head = body
                ? RawConnection.request(
                        method, target, path, "Content-Type: application/octet-stream", "Content-Length: " + size)
                : RawConnection.get(target, path);
        connection.send(head);
        Thread writer = null;
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        if (body && size > 0) {
            OutputStream out = connection.output();
            writer = Thread.ofVirtual().name("soak-writer").start(() -> {
                byte[] buf = new byte[64 * 1024];
                try (InputStream in = Payloads.stream(seed, size)) {
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        out.write(buf, 0, n);
                        written.addAndGet(n);
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading: its response (or the lack of one) says why
                }
            });
        }
        Payloads.DigestSink sink = new Payloads.DigestSink();
        try {
            RawResponse response = connection.read(sink);
            if (!response.complete()) {
                // which side stalled: the body this client got out, and the response it read
                throw new IOException(method + " " + path + ": incomplete response after " + written.get() + " of "
                        + size + " body bytes written, " + sink.count() + " read: " + response.error());
            }
            return new Outcome(method, response, sink);
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException(
                    method + " " + path + ": no response within " + RawConnection.READ_TIMEOUT + " after "
                            + written.get() + " of " + size + " body bytes written, " + sink.count() + " read",
                    e);
        } finally {
            if (writer != null) {
                try {
                    writer.join(RawConnection.READ_TIMEOUT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
