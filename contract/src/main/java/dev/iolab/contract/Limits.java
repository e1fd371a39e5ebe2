package dev.iolab.contract;

import java.time.Duration;

/**
 * The contract's size, time and connection limits, equal for every target so that a comparison
 * measures the I/O model and not a default someone forgot to raise.
 */
public final class Limits {

    /** Largest {@code POST /echo} body; above it 413 (or an aborted response for chunked bodies). */
    public static final long MAX_ECHO_BYTES = 16L * 1024 * 1024;
    /** Largest {@code PUT /files/{name}} body; above it 413 and the existing file is untouched. */
    public static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    /** Largest accepted {@code ms} of {@code GET /delay}. */
    public static final int MAX_DELAY_MS = 10_000;
    /** Longest request line; above it 414 (or 400). */
    public static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    /** Largest header section; above it 431 (or 400). */
    public static final int MAX_HEADER_SECTION_BYTES = 16 * 1024;
    /** How long in-flight requests may run after SIGTERM before the process exits anyway. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** Connections a target holds at once: above the c10k scenario's 10,000 (Tomcat's default 8192 would cap it). */
    public static final int MAX_CONNECTIONS = 16_384;
    /** Listen backlog of every target's server socket (Tomcat's default accept-count of 100 drops bursts). */
    public static final int ACCEPT_BACKLOG = 1024;
    /** Platform-thread pool of the thread-per-request targets (Tomcat's default, named in the contract). */
    public static final int PLATFORM_THREADS = 200;
    /** How long a client may take to send a complete request head (slowloris guard). */
    public static final Duration HEADER_READ_TIMEOUT = Duration.ofSeconds(20);
    /** How long an idle keep-alive connection is kept open. */
    public static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(60);
    /** Size of the buffers bodies are streamed through: bounded memory per request. */
    public static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private Limits() {}
}
