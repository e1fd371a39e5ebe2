package dev.iolab.plain.endpoints;

import java.util.concurrent.atomic.LongAdder;

/**
 * How one I/O loop waits, counted where it waits: each return from its wait (a select, a busy-poll pass, a blocking
 * read, a completion) is a wakeup, and the ready keys, connections tried or bytes-carrying completions it then handled
 * are events. Events per wakeup tell the models apart: an epoll reactor under load handles many per wakeup, a
 * busy-poller mostly none. LongAdder: a loop's hot path pays one uncontended add, the scrape sums.
 */
public final class LoopActivity {

    private final LongAdder wakeups = new LongAdder();
    private final LongAdder events = new LongAdder();

    /** The loop's wait returned with {@code handled} events to handle (0: a timeout, an empty pass). */
    public void woke(int handled) {
        wakeups.increment();
        if (handled > 0) {
            events.add(handled);
        }
    }

    long wakeups() {
        return wakeups.sum();
    }

    long events() {
        return events.sum();
    }
}
