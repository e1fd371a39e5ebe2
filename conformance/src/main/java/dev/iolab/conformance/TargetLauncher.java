package dev.iolab.conformance;

/** Starts a fresh, dedicated process of a target, for tests that must stop it (graceful shutdown). */
@FunctionalInterface
public interface TargetLauncher {

    /** Launches a new instance on a free port with a fresh data directory and waits until it is ready. */
    LaunchedProcess launch();
}
