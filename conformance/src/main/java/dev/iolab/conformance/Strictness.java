package dev.iolab.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which of the choices RFC 9112 leaves open a target made (bare LF, bare CR, obs-fold, CL+TE):
 * printed as {@code STRICTNESS <target> key=value ...} at the end of a run and written to
 * {@code <dir>/<target>.properties}, dir from {@value #DIR_PROPERTY} (default {@code target/strictness};
 * empty disables the file).
 */
public final class Strictness {

    public static final String DIR_PROPERTY = "iolab.conformance.strictness.dir";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    private static final Map<String, Map<String, String>> CHOICES = new ConcurrentHashMap<>();

    private Strictness() {}

    /** Records {@code key=value} for {@code target} and rewrites its properties file. */
    public static synchronized void record(TargetUnderTest target, String key, String value) {
        Map<String, String> choices = CHOICES.computeIfAbsent(target.label(), k -> new TreeMap<>());
        choices.put(key, value);
        String dir = System.getProperty(DIR_PROPERTY, "target/strictness");
        if (dir.isBlank()) {
            return;
        }
        Properties properties = new Properties();
        properties.put("target", target.id());
        choices.forEach(properties::put);
        try {
            Path file =
                    Files.createDirectories(Path.of(dir)).resolve(target.label().replace('/', '_') + ".properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "RFC 9112 choices measured by the iolab conformance suite");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write strictness record to " + dir, e);
        }
    }

    /** One {@code STRICTNESS <target> k=v ...} line per target measured so far. */
    public static synchronized String lines() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(CHOICES).forEach((target, choices) -> {
            sb.append("STRICTNESS ").append(target);
            choices.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append('\n');
        });
        return sb.toString();
    }
}
