package dev.iolab.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dedicated process the suite started for one test and may stop (graceful shutdown): a target itself, or a
 * proxy in front of one (a gateway route), reached like any {@link TargetUnderTest}.
 */
public interface LaunchedProcess extends TargetUnderTest, AutoCloseable {

    /** The process that answers {@link #baseUri()}: the one a SIGTERM goes to. */
    Process process();

    /** The last lines of the process's log, for failure messages. */
    String logTail(int lines);

    /**
     * True when a port forwarder holds the port in the process's place (docker-proxy for a published container
     * port): it accepts every connection and closes it without a byte when the process refuses, so a close without
     * a response is how a refusal looks from here.
     */
    default boolean portForwarded() {
        return false;
    }

    /** Stops the process if it still runs. */
    @Override
    void close();

    /** The last {@code lines} lines of a process's log file, or why it cannot be read. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
