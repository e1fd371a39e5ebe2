package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"1m.bin", "hello.txt", "a", "_x", "-y.json", "A.B.C"})
    void legalNamesResolveInsideTheDataDirectory(String name) {
        Path dir = Path.of("/srv/data");
        assertThat(FileNames.isValid(name)).isTrue();
        assertThat(FileNames.resolve(dir, name)).isEqualTo(dir.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", ".", "..", ".hidden", "../etc/passwd", "a/b", "a\\b", "a%2fb", "a\u0000b", "é.txt", " a"})
    void illegalNamesAreRejected(String name) {
        assertThat(FileNames.isValid(name)).isFalse();
        assertThat(FileNames.resolve(Path.of("/srv/data"), name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void namesAreAtMost128Characters(int length) {
        assertThat(FileNames.isValid("a".repeat(length))).isEqualTo(length <= 128);
    }
}
