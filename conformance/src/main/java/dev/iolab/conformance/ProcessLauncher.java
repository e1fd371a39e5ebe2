package dev.iolab.conformance;

import java.nio.file.Path;
import java.util.List;

/** Starts a fresh local process of a target on a chosen data directory, its command wrapped (prlimit), for fault tests. */
@FunctionalInterface
public interface ProcessLauncher {

    /**
     * Launches the target on a free port with {@code dataDir} as its data directory (left in place when the
     * process ends, so a restart finds what the previous one left) and {@code wrapper} before its java command,
     * and waits until it is ready; a start failure surfaces, with the log, on the first use of its base URI.
     */
    LaunchedProcess launch(Path dataDir, List<String> wrapper);
}
