package dev.iolab.conformance.hostile;

import java.time.Duration;

/**
 * What one hostile connection does, tick by tick: the bytes it opens with, the bytes it trickles on each tick
 * (for {@code trickleFor}, then it stalls: sends nothing more), and how much it reads per tick (-1: everything
 * that arrives, 0: nothing).
 *
 * @param opening    sent once, right after connecting
 * @param perTick    sent on every tick while trickling (empty: nothing); a write is what detects a close the
 *                   client cannot read yet (the target's reset fails the next write)
 * @param trickleFor how long to keep sending {@code perTick}; {@code null}: until the connection closes
 * @param readPerTick bytes read per tick: -1 drains whatever arrives, 0 never reads
 * @param sendLimit  at most this many {@code perTick} sends in all, so a body never outgrows its declared length
 */
public record AttackScript(byte[] opening, byte[] perTick, Duration trickleFor, int readPerTick, long sendLimit) {

    /** Reads everything the target sends (a response, then the end of stream). */
    public static final int DRAIN = -1;
    /** Never reads a byte: the target's writes stall once the socket buffers are full. */
    public static final int NEVER = 0;

    /** True while this script still sends on a tick {@code elapsed} after the connection opened. */
    boolean trickling(Duration elapsed, long sends) {
        return perTick.length > 0 && sends < sendLimit && (trickleFor == null || elapsed.compareTo(trickleFor) < 0);
    }
}
