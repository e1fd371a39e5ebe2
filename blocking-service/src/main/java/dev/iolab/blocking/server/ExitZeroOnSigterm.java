package dev.iolab.blocking.server;

import sun.misc.Signal;

/**
 * Makes SIGTERM a normal exit: the JVM's default handler exits 143, the contract wants 0 after the
 * graceful drain. {@code System.exit(0)} runs the same shutdown hooks, so Spring still closes the
 * context: readiness turns REFUSING_TRAFFIC, Tomcat stops accepting and in-flight requests finish.
 */
public final class ExitZeroOnSigterm {

    private ExitZeroOnSigterm() {
    }

    /** Installs the handler; call once from {@code main}, before the application starts. */
    public static void install() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            // No SIGTERM on this platform (or it is reserved): keep the JVM's default.
        }
    }
}
