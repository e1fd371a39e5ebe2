package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTests {

    @Test
    void createsEveryFixtureWithItsSizeInAnEmptyDirectory(@TempDir Path dir) throws IOException {
        Fixtures.createIfEmpty(dir);
        for (var e : Fixtures.SIZES.entrySet()) {
            assertThat(Files.size(dir.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(Files.readString(dir.resolve(Fixtures.HELLO_NAME))).isEqualTo("hello, world\n");
        assertThat(Files.readAllBytes(dir.resolve("64k.bin"))).isEqualTo(Fixtures.bytes("64k.bin"));
    }

    @Test
    void leavesANonEmptyDirectoryAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.txt"), "x");
        Fixtures.createIfEmpty(dir);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("mine.txt"));
        }
    }

    @Test
    void contentIsDeterministicAndDiffersBetweenFiles() {
        assertThat(Fixtures.bytes("1k.bin")).isEqualTo(Fixtures.bytes("1k.bin"));
        assertThat(Fixtures.bytes("1k.bin")).isNotEqualTo(java.util.Arrays.copyOf(Fixtures.bytes("64k.bin"), 1024));
        // pins the generator: a change here changes every target's fixtures
        assertThat(java.util.HexFormat.of().formatHex(Fixtures.bytes("1k.bin"), 0, 8))
                .isEqualTo("f00589f83421da43");
    }
}
