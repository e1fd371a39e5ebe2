package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTemporariesTests {

    @Test
    void temporaryNamesAreNeverLegalFileNames(@TempDir Path dir) throws IOException {
        Path temp = UploadTemporaries.create(dir);
        assertThat(UploadTemporaries.isTemporary(temp.getFileName().toString())).isTrue();
        assertThat(FileNames.isValid(temp.getFileName().toString())).isFalse();
    }

    @Test
    void leftoversOfADeadProcessGoAndPublishedFilesStay(@TempDir Path dir) throws IOException {
        Path leftover = UploadTemporaries.create(dir);
        Files.writeString(leftover, "half an upload");
        Path published = Files.writeString(dir.resolve("kept.bin"), "whole");
        assertThat(UploadTemporaries.deleteLeftovers(dir)).isEqualTo(1);
        assertThat(leftover).doesNotExist();
        assertThat(published).hasContent("whole");
    }

    @Test
    void anUploadThisProcessIsWritingStays(@TempDir Path dir) throws IOException {
        Path temp = UploadTemporaries.create(dir);
        try (FileChannel ignored = UploadTemporaries.openLocked(temp)) {
            assertThat(UploadTemporaries.deleteLeftovers(dir)).isZero();
            assertThat(temp).exists();
        }
    }

    @Test
    void anUploadAnotherLiveProcessIsWritingStays(@TempDir Path dir) throws Exception {
        Path temp = UploadTemporaries.create(dir);
        // flock(1) is not portable; a second JVM holding the lock is: it locks, prints, then waits to be killed.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Files.writeString(dir.resolve("Holder.java"), """
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        var c = java.nio.channels.FileChannel.open(java.nio.file.Path.of(a[0]), java.nio.file.StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process holder = new ProcessBuilder(java.toString(), source.toString(), temp.toString())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7))).isEqualTo("locked\n");
            assertThat(UploadTemporaries.deleteLeftovers(dir)).isZero();
            assertThat(temp).exists();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // its lock died with it: now it is a leftover
        assertThat(UploadTemporaries.deleteLeftovers(dir)).isEqualTo(1);
        assertThat(temp).doesNotExist();
    }

    @Test
    void aMissingDirectoryHasNoLeftovers(@TempDir Path dir) {
        assertThat(UploadTemporaries.deleteLeftovers(dir.resolve("absent"))).isZero();
    }

    @Test
    void outOfSpaceIsRecognisedThroughCauses() {
        IOException enospc = new IOException("No space left on device");
        assertThat(InsufficientStorage.is(enospc)).isTrue();
        assertThat(InsufficientStorage.is(new java.io.UncheckedIOException(enospc)))
                .isTrue();
        assertThat(InsufficientStorage.is(new IOException("Disk quota exceeded")))
                .isTrue();
        assertThat(InsufficientStorage.is(new IOException("Broken pipe"))).isFalse();
        assertThat(InsufficientStorage.is(null)).isFalse();
    }
}
