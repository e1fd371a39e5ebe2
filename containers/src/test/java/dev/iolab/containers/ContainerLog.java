package dev.iolab.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.testcontainers.containers.output.OutputFrame;

/** A container's stdout and stderr, appended to a file under {@code target/container-logs} for failure messages. */
final class ContainerLog implements Consumer<OutputFrame> {

    private final Path file;

    ContainerLog(String name) {
        try {
            Path dir = Files.createDirectories(
                    Path.of(System.getProperty("iolab.containers.logs", "target/container-logs")));
            this.file = dir.resolve(name + ".log").toAbsolutePath();
            Files.deleteIfExists(file);
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        byte[] bytes = frame.getBytes();
        if (bytes == null) {
            return;
        }
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a lost log line must not fail the test that is reading the container
        }
    }

    /** The last lines of the log, for an assertion message. */
    String tail(int lines) {
        try {
            var all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return file + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + file + " unreadable: " + e + ")";
        }
    }
}
