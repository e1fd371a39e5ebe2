package dev.iolab.reactive.lifecycle;

import sun.misc.Signal;

/**
 * Turns SIGTERM (and SIGINT) into {@code System.exit(0)}: the JVM's own handler would run the same shutdown
 * hooks (Spring's graceful shutdown) but end with status 143, and the contract asks for 0 after a clean stop.
 */
public final class ExitCleanlyOnSignal {

    private ExitCleanlyOnSignal() {
    }

    /** Installs the handlers; the exit runs on the signal's own thread, so shutdown hooks still run in full. */
    public static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> System.exit(0));
        }
    }
}
