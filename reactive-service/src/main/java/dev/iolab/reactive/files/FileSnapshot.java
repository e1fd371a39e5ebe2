package dev.iolab.reactive.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One version of a file: its attributes and, for a GET, a channel opened on that same version. Opening first
 * and checking the size after means an upload renamed over the name in between is noticed and the pair retaken,
 * so Content-Length, ETag and the bytes sent all describe one complete version.
 */
record FileSnapshot(BasicFileAttributes attributes, FileChannel channel) implements AutoCloseable {

    private static final int ATTEMPTS = 3;

    /**
     * Takes a snapshot of {@code file}, with an open channel when {@code withChannel}. A stat(2) and an open(2)
     * on the event loop: metadata of files being served is in the kernel's caches, these do not wait on a disk.
     */
    static FileSnapshot take(Path file, boolean withChannel) throws IOException {
        for (int attempt = 1; ; attempt++) {
            FileChannel channel = withChannel ? FileChannel.open(file, StandardOpenOption.READ) : null;
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                close(channel);
                throw e;
            }
            if (channel == null || !attributes.isRegularFile() || channel.size() == attributes.size()
                    || attempt == ATTEMPTS) {
                return new FileSnapshot(attributes, channel);
            }
            // replaced between open and stat: the channel holds the older version, take both again
            close(channel);
        }
    }

    @Override
    public void close() {
        close(channel);
    }

    static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only channel has nothing to flush
            }
        }
    }
}
