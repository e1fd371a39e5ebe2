package dev.iolab.blocking.files;

import dev.iolab.blocking.IolabProperties;
import dev.iolab.contract.FileNames;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.Limits;
import dev.iolab.contract.UploadTemporaries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The data directory with blocking file I/O: reads open one consistent snapshot of a file, writes go
 * to a temporary file that is renamed into place atomically, so no reader ever sees a partial file.
 */
@Component
public class FileStore {

    /** Outcome of a store: a new file, a replaced one, or a body over the limit (nothing changed). */
    public enum Stored { CREATED, REPLACED, TOO_LARGE }

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

    /**
     * Opens {@code file} with attributes that belong to the bytes the channel reads: stat, open, stat
     * again, and retry if a concurrent rename swapped the file in between. Null when there is no such file.
     */
    public OpenFile open(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            BasicFileAttributes before;
            try {
                before = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return null;
            }
            if (!before.isRegularFile()) {
                return null;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                continue;
            }
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (Objects.equals(before.fileKey(), after.fileKey()) || attempt >= 3) {
                return new OpenFile(file.getFileName().toString(), channel, after);
            }
            channel.close();
        }
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
            return publish(tmp, file);
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

    /**
     * A hard link creates the name only if it does not exist (link(2) fails with EEXIST), so exactly one
     * of several concurrent first uploads reports CREATED; otherwise rename(2) replaces the file atomically.
     */
    private static Stored publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
            return Stored.CREATED;
        } catch (FileAlreadyExistsException e) {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return Stored.REPLACED;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // A file system without hard links: the existence check may race, the rename still cannot.
            boolean existed = Files.exists(file);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return existed ? Stored.REPLACED : Stored.CREATED;
        }
    }
}
