package dev.iolab.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic request bodies of any size, generated on the fly from a seed, and SHA-256 digests, so
 * multi-MiB bodies are compared byte for byte without holding them in memory.
 */
public final class Payloads {

    private Payloads() {}

    /** {@code length} pseudo-random bytes from {@code seed}, generated as they are read. */
    public static InputStream stream(long seed, long length) {
        return new InputStream() {
            private long state = seed;
            private long remaining = length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (remaining <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, remaining);
                for (int i = 0; i < n; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L; // LCG: cheap and good enough
                    buf[off + i] = (byte) (state >>> 56);
                }
                remaining -= n;
                return n;
            }
        };
    }

    public static byte[] bytes(long seed, int length) {
        try (InputStream in = stream(seed, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of {@code length} bytes from {@code seed}. */
    public static String sha256(long seed, long length) {
        return sha256(stream(seed, length));
    }

    /** Hex SHA-256 of everything {@code in} yields (closes it). */
    public static String sha256(InputStream in) {
        DigestSink sink = new DigestSink();
        try (in) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.hex();
    }

    public static String sha256(byte[] bytes) {
        DigestSink sink = new DigestSink();
        sink.write(bytes, 0, bytes.length);
        return sink.hex();
    }

    /** An output stream that only digests (SHA-256) and counts what is written. */
    public static final class DigestSink extends OutputStream {
        private final MessageDigest digest;
        private long count;

        public DigestSink() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }

        public long count() {
            return count;
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
