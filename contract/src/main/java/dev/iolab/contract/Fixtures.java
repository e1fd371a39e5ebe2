package dev.iolab.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard fixture files, generated from a fixed seed so that every target (and every test
 * client) sees the same bytes without shipping them.
 */
public final class Fixtures {

    /** The fixed seed of the generator (SplitMix64); changing it changes every fixture. */
    public static final long SEED = 0x10_1AB_C0FFEEL;

    public static final String HELLO_NAME = "hello.txt";
    public static final String HELLO_TEXT = "hello, world\n";

    /** Fixture name to size in bytes, in the order the contract lists them. */
    public static final Map<String, Long> SIZES;

    static {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("0.bin", 0L);
        sizes.put("1k.bin", 1024L);
        sizes.put("64k.bin", 64L * 1024);
        sizes.put("1m.bin", 1024L * 1024);
        sizes.put("16m.bin", 16L * 1024 * 1024);
        sizes.put(HELLO_NAME, (long) HELLO_TEXT.length());
        SIZES = java.util.Collections.unmodifiableMap(sizes);
    }

    private Fixtures() {}

    /**
     * Creates the fixtures in {@code dir} when it is missing or empty; leaves a non-empty directory alone.
     * Each file is written to a temporary name and renamed, so targets sharing a directory race safely.
     */
    public static void createIfEmpty(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            for (String name : SIZES.keySet()) {
                Path tmp = Files.createTempFile(dir, ".fixture-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp);
                        InputStream in = open(name)) {
                    in.transferTo(out);
                }
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create fixtures in " + dir, e);
        }
    }

    /** The content of fixture {@code name} as a stream (generated, nothing is read from disk). */
    public static InputStream open(String name) {
        Long size = SIZES.get(name);
        if (size == null) {
            throw new IllegalArgumentException("no fixture named " + name);
        }
        if (name.equals(HELLO_NAME)) {
            return new java.io.ByteArrayInputStream(HELLO_TEXT.getBytes(StandardCharsets.US_ASCII));
        }
        return new GeneratedStream(SEED ^ name.hashCode(), size);
    }

    /** The content of fixture {@code name} as bytes (for tests: up to 16 MiB). */
    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SplitMix64 byte stream of a fixed length: fast, deterministic and incompressible enough. */
    private static final class GeneratedStream extends InputStream {
        private long state;
        private long remaining;
        private long word;
        private int wordBytes;

        GeneratedStream(long seed, long length) {
            this.state = seed;
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            if (wordBytes == 0) {
                word = next();
                wordBytes = 8;
            }
            int b = (int) (word & 0xFF);
            word >>>= 8;
            wordBytes--;
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                buf[off + i] = (byte) read();
            }
            return n;
        }

        private long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
