package dev.iolab.plain.endpoints;

import dev.iolab.contract.Headers;
import dev.iolab.contract.HealthProbeMetrics;
import dev.iolab.contract.Limits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares, whatever its I/O model: the target id, the data directory,
 * the timeouts, the metrics and the lifecycle (readiness and in-flight requests for graceful shutdown).
 */
public final class ServerContext {

    private final String targetId;
    private final Path dataDir;
    private final Duration headerTimeout;
    private final Duration keepAliveTimeout;
    private final Metrics metrics;
    private final byte[] fixedFields;
    private final ValidatorCache validators;
    private final AtomicBoolean draining;
    private final AtomicInteger inFlight;
    private final boolean management;
    /** Set when the context is made ({@link #withFiles}): a model never changes a context others may hold. */
    private final boolean asynchronousFiles;

    private final FileSink.Opener uploadOpener;

    public ServerContext(
            String targetId, Path dataDir, Duration headerTimeout, Duration keepAliveTimeout, Metrics metrics) {
        this.targetId = targetId;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.headerTimeout = headerTimeout;
        this.keepAliveTimeout = keepAliveTimeout;
        this.metrics = metrics;
        this.fixedFields = (Headers.X_IO_MODEL + ": " + targetId + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.validators = new ValidatorCache();
        this.draining = new AtomicBoolean();
        this.inFlight = new AtomicInteger();
        this.management = false;
        this.asynchronousFiles = false;
        this.uploadOpener = null;
        // the probes as HealthHandler answers them: liveness while the process serves, readiness until the drain
        new HealthProbeMetrics(() -> true, () -> !draining.get()).bindTo(metrics.registry());
    }

    /** Another view of {@code main}: same id, metrics, caches and lifecycle, its own routes and file handling. */
    private ServerContext(
            ServerContext main, boolean management, boolean asynchronousFiles, FileSink.Opener uploadOpener) {
        this.targetId = main.targetId;
        this.dataDir = main.dataDir;
        this.headerTimeout = main.headerTimeout;
        this.keepAliveTimeout = main.keepAliveTimeout;
        this.metrics = main.metrics;
        this.fixedFields = main.fixedFields;
        this.validators = main.validators;
        this.draining = main.draining; // readiness turns 503 on every view at once
        this.inFlight = main.inFlight; // and the drain waits for the requests of all of them
        this.management = management;
        this.asynchronousFiles = asynchronousFiles;
        this.uploadOpener = uploadOpener;
    }

    /** The context of this server's management port (health and metrics only, readiness shared). */
    public ServerContext forManagement() {
        return new ServerContext(this, true, asynchronousFiles, uploadOpener);
    }

    /**
     * This context for a model that handles files its own way, which the model makes for itself when it is built:
     * file responses also open an {@code AsynchronousFileChannel} when {@code asynchronousFiles}, and each upload
     * also opens {@code uploadOpener}'s handle (null: none). Lifecycle and metrics stay shared with this one.
     */
    public ServerContext withFiles(boolean asynchronousFiles, FileSink.Opener uploadOpener) {
        return new ServerContext(this, management, asynchronousFiles, uploadOpener);
    }

    /** True on the management port: only health and metrics are served, every other path is 404. */
    boolean management() {
        return management;
    }

    /** A context with the contract's timeouts. */
    public static ServerContext of(String targetId, Path dataDir) {
        return new ServerContext(
                targetId, dataDir, Limits.HEADER_READ_TIMEOUT, Limits.KEEP_ALIVE_TIMEOUT, new Metrics(targetId));
    }

    public String targetId() {
        return targetId;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long headerTimeoutNanos() {
        return headerTimeout.toNanos();
    }

    public long keepAliveTimeoutNanos() {
        return keepAliveTimeout.toNanos();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** {@code X-IO-Model: <id>\r\n}, written into every response head. */
    byte[] fixedFields() {
        return fixedFields;
    }

    /** ETag and Last-Modified per file version, shared by all connections. */
    ValidatorCache validators() {
        return validators;
    }

    /** Whether file responses also open an {@code AsynchronousFileChannel} (the aio model reads files with it). */
    public boolean asynchronousFiles() {
        return asynchronousFiles;
    }

    /** How the model writes uploads when not through the FileChannel: each upload also opens this handle (or null). */
    FileSink.Opener uploadOpener() {
        return uploadOpener;
    }

    /** Shutdown has begun: readiness answers 503 and responses close their connections. */
    public boolean draining() {
        return draining.get();
    }

    public void startDraining() {
        draining.set(true);
    }

    /** Requests whose head arrived and whose response is not finished yet. */
    public int inFlight() {
        return inFlight.get();
    }

    void requestStarted() {
        inFlight.incrementAndGet();
        metrics.requests().begin();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
        metrics.requests().end();
    }
}
