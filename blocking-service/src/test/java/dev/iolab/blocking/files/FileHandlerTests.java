package dev.iolab.blocking.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.FileNames;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class FileHandlerTests {

    private static String nameOf(String rawPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", rawPath);
        return FileHandler.nameOf(request);
    }

    @Test
    void nameIsTheRawSegmentDecodedOnce() {
        assertThat(nameOf("/files/hello.txt")).isEqualTo("hello.txt");
        assertThat(nameOf("/files/a%2Db.bin")).isEqualTo("a-b.bin");
        // Decoded once only: what was encoded twice stays encoded, and is then no legal name.
        assertThat(nameOf("/files/%252e%252e")).isEqualTo("%2e%2e");
        // Path parameters are part of the name (Spring's @PathVariable would drop them).
        assertThat(nameOf("/files/hello.txt;x=1")).isEqualTo("hello.txt;x=1");
        assertThat(nameOf("/files/")).isNull();
        assertThat(nameOf("/files/%zz")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/files/%2e%2e",
                "/files/..%2fsecret",
                "/files/..%5csecret",
                "/files/.hidden",
                "/files/%252e%252e",
                "/files/hello.txt;x=1",
                "/files/a%00b",
                "/files/%c0%ae%c0%ae"
            })
    void encodingTricksNeverResolveToAFile(String rawPath) {
        String name = nameOf(rawPath);
        assertThat(name == null ? null : FileNames.resolve(Path.of("/data"), name))
                .as("file for %s", rawPath)
                .isNull();
    }
}
