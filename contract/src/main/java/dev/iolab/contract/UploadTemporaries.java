package dev.iolab.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Where an upload lives until it is published: a hidden temporary file in the data directory, locked by the
 * process writing it, so that the next start of any target deletes exactly the leftovers of a killed process
 * (the kernel drops a dead process's locks) and never the upload another live target is writing into a shared
 * directory.
 */
public final class UploadTemporaries {

    /** Temporary names start with a dot, which {@link FileNames} never accepts: an upload in progress is never served. */
    public static final String PREFIX = ".upload-";
    /** Suffix of every temporary upload file. */
    public static final String SUFFIX = ".part";

    private UploadTemporaries() {}

    /** Creates an empty temporary upload file in {@code dataDir}. */
    public static Path create(Path dataDir) throws IOException {
        return Files.createTempFile(dataDir, PREFIX, SUFFIX);
    }

    /**
     * Opens {@code temp} for writing and locks it for as long as the channel stays open: the lock is what tells
     * {@link #deleteLeftovers} that a live process still owns the file. Closes the channel if the lock fails.
     */
    public static FileChannel openLocked(Path temp) throws IOException {
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new IOException("temporary upload " + temp + " is locked by another process");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** True for a name this class creates. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(PREFIX);
    }

    /**
     * Deletes the temporary uploads in {@code dataDir} that no live process holds (left by a process killed
     * mid-upload); a missing directory has none. Call it once at start, before serving. Returns how many went.
     */
    public static int deleteLeftovers(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path file : (Iterable<Path>)
                    entries.filter(p -> isTemporary(p.getFileName().toString()))::iterator) {
                if (deleteIfOrphaned(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporary uploads in " + dataDir, e);
        }
        return deleted;
    }

    private static boolean deleteIfOrphaned(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another live process is writing this upload
            }
            // Deleted while locked: the owner, if any, is this process and it is not uploading yet.
            Files.deleteIfExists(file);
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this very JVM is writing it
        } catch (NoSuchFileException e) {
            return false; // published or deleted meanwhile
        }
    }
}
