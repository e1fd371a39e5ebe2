package dev.iolab.contract;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The only file names the file endpoints accept: one path segment, no dot first, so that no name
 * (however encoded) can leave the data directory.
 */
public final class FileNames {

    /** {@code [A-Za-z0-9_-][A-Za-z0-9._-]{0,127}}, matched against the name after one percent-decoding. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private FileNames() {}

    /** True when {@code name} (already percent-decoded once) is a legal file name. */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /**
     * The file for {@code name} inside {@code dataDir}, or null when the name is not legal.
     * Checked twice on purpose: the pattern forbids separators, and the normalized path must still
     * sit directly in the data directory.
     */
    public static Path resolve(Path dataDir, String name) {
        if (!isValid(name)) {
            return null;
        }
        Path base = dataDir.toAbsolutePath().normalize();
        Path file = base.resolve(name).normalize();
        return base.equals(file.getParent()) ? file : null;
    }
}
