package dev.iolab.contract;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Publishes a complete upload under its name, the same way on every target: a hard link creates the name only
 * if it does not exist yet (link(2) fails with EEXIST), so exactly one of several concurrent creators of a new
 * name is told {@link Published#CREATED} (201); every other upload replaces the file with one atomic rename(2)
 * and is told {@link Published#REPLACED} (204). Readers see one complete version or the next, never a part.
 * The body is written first into an {@link UploadTemporaries} file in the same directory.
 */
public final class UploadPublisher {

    /** Whether the name was new. */
    public enum Published {
        CREATED,
        REPLACED
    }

    private UploadPublisher() {}

    /**
     * Moves the complete upload {@code temp} to {@code target}. {@code temp} is gone afterwards whatever happens
     * (published, or deleted when publishing fails).
     */
    public static Published publish(Path temp, Path target) throws IOException {
        try {
            try {
                Files.createLink(target, temp);
                return Published.CREATED;
            } catch (FileAlreadyExistsException exists) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return Published.REPLACED;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                return publishWithoutLinks(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file system without hard links: the existence check may race (two 201s), the rename still cannot. */
    private static Published publishWithoutLinks(Path temp, Path target) throws IOException {
        boolean existed = Files.exists(target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return existed ? Published.REPLACED : Published.CREATED;
    }
}
