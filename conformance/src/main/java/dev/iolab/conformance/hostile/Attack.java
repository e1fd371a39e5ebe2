package dev.iolab.conformance.hostile;

import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The hostile clients of issue 12, each a few connections that cost the target time, buffers or threads while
 * costing the attacker almost nothing; one definition for the conformance rules and for any load scenario.
 * Every attack is bounded: a fixed number of connections, a fixed pace, and {@link AttackRun#close} ends it.
 */
public enum Attack {

    /** Slowloris: many connections that trickle a request head, one header line a second, and never finish it. */
    SLOWLORIS("slowloris", 200, Duration.ofSeconds(1)) {
        @Override
        AttackScript script(TargetUnderTest target, int index) {
            return new AttackScript(
                    ascii("GET " + target.path(Endpoints.ECHO + "?msg=slowloris") + " HTTP/1.1\r\nHost: "
                            + target.hostHeader() + "\r\n"),
                    ascii("X-a: b\r\n"),
                    null,
                    AttackScript.DRAIN,
                    Long.MAX_VALUE);
        }
    },

    /**
     * Slow readers of a 16 MiB file: read 16 bytes every half second, so the target's writes stall on full socket
     * buffers. Each tick also sends one byte of a second (pipelined, never finished) request head, only so that a
     * close by the target shows as a failed write while unread response bytes still sit in our buffer.
     */
    SLOW_READER("slow-reader", 4, Duration.ofMillis(500)) {
        @Override
        AttackScript script(TargetUnderTest target, int index) {
            String get = "GET " + target.path(Endpoints.FILES_PREFIX + LARGE_FILE) + " HTTP/1.1\r\nHost: "
                    + target.hostHeader() + "\r\n";
            return new AttackScript(ascii(get + "\r\n" + get + "X-Pad: "), ascii("a"), null, 16, Long.MAX_VALUE);
        }
    },

    /**
     * Slow uploads: a {@code PUT} of 1 MiB whose body trickles 16 bytes every half second for {@value #TRICKLE_SECONDS}
     * s, then stalls (nothing more is sent, the connection stays open): the target must not wait forever.
     */
    SLOW_UPLOAD("slow-upload", 4, Duration.ofMillis(500)) {
        @Override
        AttackScript script(TargetUnderTest target, int index) {
            return new AttackScript(
                    ascii("PUT " + target.path(Endpoints.FILES_PREFIX + "hostile-upload-" + index + ".bin")
                            + " HTTP/1.1\r\nHost: " + target.hostHeader() + "\r\nContent-Length: " + (1 << 20)
                            + "\r\n\r\n"),
                    new byte[16],
                    Duration.ofSeconds(TRICKLE_SECONDS),
                    AttackScript.DRAIN,
                    Long.MAX_VALUE);
        }
    },

    /**
     * A client that never reads while it sends: a 16 MiB {@code POST /echo} pushed as fast as the socket takes it,
     * never reading the echo, so the target's writes stall and with them its reads of the body.
     */
    NEVER_READING_SENDER("never-reading-sender", 4, Duration.ofMillis(250)) {
        @Override
        AttackScript script(TargetUnderTest target, int index) {
            int chunk = 64 * 1024;
            return new AttackScript(
                    ascii("POST " + target.path(Endpoints.ECHO) + " HTTP/1.1\r\nHost: " + target.hostHeader()
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + BODY_BYTES
                            + "\r\n\r\n"),
                    new byte[chunk],
                    null,
                    AttackScript.NEVER,
                    1 + BODY_BYTES / chunk);
        }
    };

    /** The contract's 16 MiB fixture, present in every target's data directory. */
    public static final String LARGE_FILE = "16m.bin";
    /** How long a slow upload trickles before it stalls. */
    public static final int TRICKLE_SECONDS = 2;

    static final long BODY_BYTES = 16L * 1024 * 1024;

    private final String label;
    private final int defaultConnections;
    private final Duration tick;

    Attack(String label, int defaultConnections, Duration tick) {
        this.label = label;
        this.defaultConnections = defaultConnections;
        this.tick = tick;
    }

    /** The name reports use ({@code slowloris}, {@code slow-reader}, ...). */
    public String label() {
        return label;
    }

    /** How many connections the attack opens unless told otherwise. */
    public int defaultConnections() {
        return defaultConnections;
    }

    /** True when the attack stops sending after a while and then waits on the target (a stalled transfer). */
    public boolean stalls() {
        return this != SLOWLORIS;
    }

    /** Starts the attack with its default number of connections. */
    public AttackRun start(TargetUnderTest target) {
        return start(target, defaultConnections);
    }

    /** Opens {@code connections} attack connections to {@code target} and drives them until {@link AttackRun#close}. */
    public AttackRun start(TargetUnderTest target, int connections) {
        try {
            return new AttackRun(
                    label,
                    new InetSocketAddress(target.host(), target.port()),
                    connections,
                    index -> script(target, index),
                    tick);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + " against " + target.label(), e);
        }
    }

    abstract AttackScript script(TargetUnderTest target, int index);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
