package dev.iolab.contract;

import sun.misc.Signal;

/**
 * The contract's clean stop: SIGTERM (and SIGINT) end the process with status 0 after the graceful drain, where
 * the JVM's own handler would run the same shutdown hooks (Spring's graceful shutdown included) but exit 143.
 */
public final class ExitZeroOnSignal {

    private ExitZeroOnSignal() {}

    /** Installs the handlers; call once from {@code main}. The exit runs on the signal's thread, so hooks run in full. */
    public static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                // no such signal on this platform (or it is reserved): keep the JVM's default
            }
        }
    }
}
