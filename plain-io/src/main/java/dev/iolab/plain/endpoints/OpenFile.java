package dev.iolab.plain.endpoints;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file opened consistently: its channel(s) and its attributes all belong to the same inode, even while
 * uploads rename new versions into place (the inode is read before and after opening; on a change, retry).
 */
record OpenFile(FileChannel channel, AsynchronousFileChannel asyncChannel, BasicFileAttributes attributes) {

    private static final int ATTEMPTS = 5;

    /** Opens {@code path} read-only (also as an {@link AsynchronousFileChannel} when {@code async}); null when it is no regular file. */
    static OpenFile open(Path path, boolean async) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BasicFileAttributes before;
            try {
                before = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return null;
            }
            if (!before.isRegularFile()) {
                return null;
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            AsynchronousFileChannel asyncChannel = null;
            try {
                asyncChannel = async ? AsynchronousFileChannel.open(path, StandardOpenOption.READ) : null;
                BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
                if (before.fileKey() == null || before.fileKey().equals(after.fileKey())
                        && before.lastModifiedTime().equals(after.lastModifiedTime()) && after.size() == channel.size()) {
                    return new OpenFile(channel, asyncChannel, after); // after: its size is the channel's
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel, asyncChannel);
                throw e;
            }
            closeQuietly(channel, asyncChannel); // an upload replaced it meanwhile: open the new version
        }
        throw new IOException("file keeps changing while being opened: " + path);
    }

    static void closeQuietly(java.io.Closeable... closeables) {
        for (java.io.Closeable c : closeables) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException ignored) {
                // read-only: nothing lost
            }
        }
    }
}
