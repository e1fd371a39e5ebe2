package dev.iolab.blocking.files;

import dev.iolab.blocking.IolabProperties;
import dev.iolab.contract.FileNames;
import dev.iolab.contract.FileVersion;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.Limits;
import dev.iolab.contract.UploadPublisher;
import dev.iolab.contract.UploadTemporaries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The data directory with blocking file I/O: reads open one consistent {@link FileVersion}, writes stream to a
 * temporary file that {@link UploadPublisher} publishes atomically, so no reader ever sees a partial file.
 */
@Component
public class FileStore {

    /** Outcome of a store: a new file, a replaced one, or a body over the limit (nothing changed). */
    public enum Stored {
        CREATED,
        REPLACED,
        TOO_LARGE
    }

    private final Path dir;

    FileStore(IolabProperties properties) {
        this.dir = properties.dataDir();
        // Uploads a killed process left half-written: hidden already, deleted before this one serves.
        UploadTemporaries.deleteLeftovers(dir);
        Fixtures.createIfEmpty(dir);
    }

    public Path directory() {
        return dir;
    }

    /** The path for a name already percent-decoded once, or null when the name is not legal. */
    public Path resolve(String name) {
        return FileNames.resolve(dir, name);
    }

    /** The consistent version of {@code file} now, or null when there is none ({@link FileVersion#open}). */
    public OpenFile open(Path file) throws IOException {
        FileVersion version = FileVersion.open(file);
        return version == null ? null : new OpenFile(file.getFileName().toString(), version);
    }

    /**
     * Streams {@code body} into {@code file} through a temporary file, then moves it into place.
     * Over {@code maxBytes} the temporary file is deleted and the existing file stays untouched.
     */
    public Stored store(Path file, InputStream body, long maxBytes) throws IOException {
        Path tmp = UploadTemporaries.create(dir);
        try {
            if (!copy(body, tmp, maxBytes)) {
                return Stored.TOO_LARGE;
            }
            return UploadPublisher.publish(tmp, file) == UploadPublisher.Published.CREATED
                    ? Stored.CREATED
                    : Stored.REPLACED;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean copy(InputStream body, Path tmp, long maxBytes) throws IOException {
        byte[] buffer = new byte[Limits.STREAM_BUFFER_BYTES];
        long total = 0;
        try (OutputStream out = Channels.newOutputStream(UploadTemporaries.openLocked(tmp))) {
            for (int n; (n = body.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
        }
        return true;
    }
}
