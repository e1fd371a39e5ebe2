package dev.iolab.conformance;

/**
 * A dedicated process the suite started for one test and may stop (graceful shutdown): a target itself, or a
 * proxy in front of one (a gateway route), reached like any {@link TargetUnderTest}.
 */
public interface LaunchedProcess extends TargetUnderTest, AutoCloseable {

    /** The process that answers {@link #baseUri()}: the one a SIGTERM goes to. */
    Process process();

    /** The last lines of the process's log, for failure messages. */
    String logTail(int lines);

    /** Stops the process if it still runs. */
    @Override
    void close();
}
