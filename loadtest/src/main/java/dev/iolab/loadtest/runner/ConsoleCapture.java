package dev.iolab.loadtest.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sends Gatling's console (its live stats and summary) into a run's log file instead of the terminal. One
 * switchable stream is installed as System.out once, because Scala's {@code Console.out} keeps the stream it
 * first saw: swapping System.out per run would leave Gatling writing into a closed file.
 */
final class ConsoleCapture extends OutputStream {

    private static ConsoleCapture installed;

    private final PrintStream terminal;
    private volatile OutputStream target;

    private ConsoleCapture(PrintStream terminal) {
        this.terminal = terminal;
        this.target = terminal;
    }

    /** The one capture of this JVM, installed as System.out on first use. */
    static synchronized ConsoleCapture install() {
        if (installed == null) {
            installed = new ConsoleCapture(System.out);
            System.setOut(new PrintStream(installed, true));
        }
        return installed;
    }

    /** Runs {@code work} with the console appended to {@code log}; the terminal gets it back afterwards. */
    <T> T into(Path log, java.util.concurrent.Callable<T> work) throws Exception {
        Files.createDirectories(log.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            target = file;
            try {
                return work.call();
            } finally {
                System.out.flush();
                target = terminal;
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
