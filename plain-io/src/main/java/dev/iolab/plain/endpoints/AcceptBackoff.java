package dev.iolab.plain.endpoints;

import java.util.concurrent.TimeUnit;

/**
 * What every plain acceptor does when accept(2) fails (EMFILE, ENFILE, ENOBUFS: the pending connection stays queued,
 * so trying again at once fails again): it waits before the next try, 50 ms doubling up to 1.6 s as Tomcat's
 * acceptor does, and logs the first failure of a streak and how many followed, so running out of descriptors neither
 * spins a core nor floods the log. One instance per acceptor; not thread-safe.
 */
public final class AcceptBackoff {

    static final long FIRST_DELAY_MS = 50;
    static final long MAX_DELAY_MS = 1600;

    private final String model;
    private long delayMs;
    private long failures;

    public AcceptBackoff(String model) {
        this.model = model;
    }

    /** An accept failed with {@code error}: returns how long to wait before the next accept, in milliseconds. */
    public long failed(Throwable error) {
        if (failures++ == 0) {
            System.err.println(
                    model + ": accept failed, waiting " + FIRST_DELAY_MS + " ms before the next try: " + error);
        }
        delayMs = delayMs == 0 ? FIRST_DELAY_MS : Math.min(delayMs * 2, MAX_DELAY_MS);
        return delayMs;
    }

    /** {@link #failed}, then sleeps that long (for an acceptor thread of its own). */
    public void pause(Throwable error) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(failed(error));
    }

    /** An accept succeeded: the next failure starts a new streak at the first delay. */
    public void accepted() {
        if (failures > 0) {
            System.err.println(model + ": accepting again after " + failures + " failed accepts");
            failures = 0;
            delayMs = 0;
        }
    }

    /** True while a failure streak is under way. */
    public boolean failing() {
        return failures > 0;
    }
}
