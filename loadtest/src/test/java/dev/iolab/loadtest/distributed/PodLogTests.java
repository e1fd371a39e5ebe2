package dev.iolab.loadtest.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodLogTests {

    @TempDir
    Path dir;

    @Test
    void theLogPrintedAmongOtherOutputIsExtractedByteForByte() throws IOException {
        byte[] binary = new byte[200_000];
        new Random(7).nextBytes(binary);
        Path log = Files.write(dir.resolve("simulation-1.log"), binary);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            out.println("share 1/3 waits 812 ms for 2026-12-02T10:00:00Z");
            PodLog.print(log, out);
        }
        Path podLog = Files.write(dir.resolve("pod-1.log"), console.toByteArray());

        Path extracted = PodLog.extract(podLog, dir.resolve("out/simulation-1.log"));

        assertThat(Files.readAllBytes(extracted)).isEqualTo(binary);
    }

    @Test
    void aLogCutBeforeItsEndIsRefused() throws IOException {
        Path podLog = Files.writeString(dir.resolve("pod-0.log"), "share 0 done\n" + PodLog.BEGIN + "\nH4sIAAAA\n");
        assertThatIOException()
                .isThrownBy(() -> PodLog.extract(podLog, dir.resolve("simulation-0.log")))
                .withMessageContaining("did the pod finish");
    }
}
