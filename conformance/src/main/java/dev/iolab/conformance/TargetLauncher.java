package dev.iolab.conformance;

/** Starts a fresh, dedicated process of a target, or of a proxy in front of one, for tests that must stop it (graceful shutdown). */
@FunctionalInterface
public interface TargetLauncher {

    /** Launches a new process on a free port (a target, or a proxy in front of one) and waits until it is ready. */
    LaunchedProcess launch();
}
