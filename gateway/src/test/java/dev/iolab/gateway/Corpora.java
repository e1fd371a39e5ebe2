package dev.iolab.gateway;

import dev.iolab.contract.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared external test vectors live ({@code iolab.corpora.dir}, set by the build), loudly. */
final class Corpora {

    static final String PROPERTY = "iolab.corpora.dir";

    private Corpora() {
    }

    /** The corpus file; fails the test (never skips it) when the shared folder is missing. */
    static Path file(String name) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new AssertionError("system property " + PROPERTY + " is not set: the build sets it to "
                    + "<repo>/../shared/corpora; without it the smuggling corpus cannot be checked");
        }
        Path file = Path.of(dir).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("CORPUS MISSING: " + file.toAbsolutePath() + " does not exist. The gateway's "
                    + "smuggling check needs the shared corpora folder next to the repository (shared/corpora); "
                    + "this is a failure, not a pass");
        }
        return file;
    }

    /** A counting upstream answering as {@code target} on a free port. */
    static CountingUpstream start(Target target) {
        try {
            return new CountingUpstream(target.id(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
