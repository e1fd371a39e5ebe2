package dev.iolab.contract;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One version of a file: a channel and the attributes of the very bytes it reads. Opened by stat, open, stat
 * again; a concurrent upload renaming a new version over the name between the two stats is seen (another inode,
 * modification time or size) and the pair is retaken, a bounded number of times, then it is an error: never a
 * channel on one version with another version's length and validators.
 */
public final class FileVersion implements Closeable {

    /** Attempts before giving up: each lost race means an upload finished within microseconds, so a few suffice. */
    public static final int ATTEMPTS = 8;

    /** Opens a second handle on the same path (plain-io's asynchronous channel), checked by the same two stats. */
    @FunctionalInterface
    public interface Companion {
        Closeable open(Path file) throws IOException;
    }

    /** The name kept changing through every attempt: the stacks answer with a server error. */
    public static final class UnstableException extends IOException {
        UnstableException(Path file) {
            super("file kept being replaced while it was opened, " + ATTEMPTS + " times: " + file);
        }
    }

    private final FileChannel channel;
    private final Closeable companion;
    private final BasicFileAttributes attributes;

    private FileVersion(FileChannel channel, Closeable companion, BasicFileAttributes attributes) {
        this.channel = channel;
        this.companion = companion;
        this.attributes = attributes;
    }

    /** Opens {@code file} read-only; null when there is no regular file of that name. */
    public static FileVersion open(Path file) throws IOException {
        return open(file, null);
    }

    /** As {@link #open(Path)}, also opening {@code companion} on the same version when it is not null. */
    public static FileVersion open(Path file, Companion companion) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
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
                continue; // renamed away between stat and open: look again
            }
            Closeable second = null;
            try {
                second = companion == null ? null : companion.open(file);
                BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
                if (sameVersion(before, after) && channel.size() == after.size()) {
                    return new FileVersion(channel, second, after);
                }
            } catch (NoSuchFileException e) {
                // deleted or renamed meanwhile: retry below
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel, second);
                throw e;
            }
            closeQuietly(channel, second);
        }
        throw new UnstableException(file);
    }

    /** Same inode (where the file system has one), same modification time, same size. */
    public static boolean sameVersion(BasicFileAttributes a, BasicFileAttributes b) {
        return Objects.equals(a.fileKey(), b.fileKey())
                && a.lastModifiedTime().equals(b.lastModifiedTime())
                && a.size() == b.size()
                && b.isRegularFile();
    }

    public FileChannel channel() {
        return channel;
    }

    /** The companion handle, or null when none was asked for. */
    public Closeable companion() {
        return companion;
    }

    public BasicFileAttributes attributes() {
        return attributes;
    }

    /** The size of this version (the channel's size when opened). */
    public long size() {
        return attributes.size();
    }

    /** The validators of this version. */
    public FileValidators validators() {
        return FileValidators.of(attributes);
    }

    /** Closes the channel and the companion, never throwing: both are read-only, nothing can be lost. */
    @Override
    public void close() {
        closeQuietly(channel, companion);
    }

    private static void closeQuietly(Closeable... closeables) {
        for (Closeable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // read-only handles: nothing to flush
                }
            }
        }
    }
}
