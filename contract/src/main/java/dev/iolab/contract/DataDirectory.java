package dev.iolab.contract;

import java.nio.file.Path;

/** Where a target's files live: {@code --data-dir}, else env {@value #ENV}, else {@value #DEFAULT}. */
public final class DataDirectory {

    /** Environment variable naming the data directory. */
    public static final String ENV = "IOLAB_DATA_DIR";
    /** Spring property naming the data directory (bound from {@value #ENV} by relaxed binding too). */
    public static final String PROPERTY = "iolab.data-dir";
    /** Command-line flag of the launcher and of plain-io. */
    public static final String FLAG = "--data-dir";
    /** Default, relative to the working directory. */
    public static final String DEFAULT = "run/data";

    private DataDirectory() {}

    /** The directory to use given an explicit choice (may be null or blank) and the environment. */
    public static Path resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String env = System.getenv(ENV);
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT);
    }
}
