package dev.iolab.loadtest.distributed;

/**
 * One pod's part of a load cut into {@code count} equal shares: users split with the remainder to the
 * lowest indexes (so the shares add up exactly), an open-model rate divided evenly.
 */
public record Share(int index, int count) {

    public Share {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("share " + index + " of " + count);
        }
    }

    /** This share of {@code total} closed-model users. */
    public int users(int total) {
        if (total < count) {
            throw new IllegalArgumentException(total + " users cannot be cut into " + count + " shares");
        }
        return total / count + (index < total % count ? 1 : 0);
    }

    /** This share of an open-model arrival rate (iterations per second). */
    public double rate(double total) {
        return total / count;
    }
}
