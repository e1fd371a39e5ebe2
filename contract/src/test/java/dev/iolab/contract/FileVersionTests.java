package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file version's channel and attributes belong together; its validators follow the one formula. */
class FileVersionTests {

    @TempDir
    Path dir;

    @Test
    void opensChannelWithItsOwnAttributes() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        try (FileVersion version = FileVersion.open(file)) {
            assertThat(version.size()).isEqualTo(5);
            assertThat(version.channel().size()).isEqualTo(5);
            assertThat(version.attributes().fileKey())
                    .isEqualTo(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                            .fileKey());
        }
    }

    @Test
    void missingFileOrDirectoryIsNull() throws IOException {
        assertThat(FileVersion.open(dir.resolve("none"))).isNull();
        assertThat(FileVersion.open(dir)).isNull();
    }

    @Test
    void aReplacementBetweenTheStatsIsRetakenNotPaired() throws IOException {
        Path file = Files.writeString(dir.resolve("a.bin"), "old");
        Path next = Files.writeString(dir.resolve(".next"), "new version");
        AtomicInteger opens = new AtomicInteger();
        // the companion opens after the channel: replacing the file there is a rename between the two stats
        try (FileVersion version = FileVersion.open(file, path -> {
            if (opens.getAndIncrement() == 0) {
                Files.move(next, path, StandardCopyOption.ATOMIC_MOVE);
            }
            return null;
        })) {
            assertThat(opens.get()).isEqualTo(2);
            ByteBuffer bytes = ByteBuffer.allocate(64);
            version.channel().read(bytes, 0);
            assertThat(new String(bytes.array(), 0, bytes.position())).isEqualTo("new version");
            assertThat(version.size()).isEqualTo("new version".length());
        }
    }

    @Test
    void aFileThatNeverSettlesIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("a.bin"), "0");
        AtomicInteger n = new AtomicInteger();
        Assertions.assertThatThrownBy(() -> FileVersion.open(file, path -> {
                    Path other = Files.writeString(dir.resolve(".v" + n.incrementAndGet()), "v" + n.get());
                    Files.move(other, path, StandardCopyOption.ATOMIC_MOVE);
                    return null;
                }))
                .isInstanceOf(FileVersion.UnstableException.class);
        assertThat(n.get()).isEqualTo(FileVersion.ATTEMPTS);
    }

    @Test
    void etagIsStrongAndChangesWithEveryReplacement() throws IOException {
        Path file = Files.writeString(dir.resolve("a.bin"), "same");
        FileTime time = FileTime.from(Instant.parse("2020-01-01T00:00:00.123456789Z"));
        Files.setLastModifiedTime(file, time);
        String first;
        try (FileVersion version = FileVersion.open(file)) {
            first = version.validators().etag();
            assertThat(first).matches("\"4-[0-9a-f]+-[0-9a-f]+\"");
            assertThat(version.validators().lastModifiedHttpDate()).isEqualTo("Wed, 01 Jan 2020 00:00:00 GMT");
        }
        // same size, same modification time, new inode: still another ETag
        Path next = Files.writeString(dir.resolve(".n"), "same");
        Files.setLastModifiedTime(next, time);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileVersion version = FileVersion.open(file)) {
            assertThat(version.validators().etag()).isNotEqualTo(first);
        }
    }
}
