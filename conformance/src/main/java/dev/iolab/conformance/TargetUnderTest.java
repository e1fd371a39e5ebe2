package dev.iolab.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A running server the suite talks to: the contract's target id it must report, where to reach it and,
 * when the suite launched it itself, its process and data directory.
 *
 * <p>Implement this (and a {@link TargetProvider}) to run the suite against anything else, for example
 * a gateway route: {@code id()} stays the upstream target id, because that is what {@code X-IO-Model} and
 * the {@code iomodel} tag must show, while {@code baseUri()} is {@code http://gateway:8080/<id>}.
 */
public interface TargetUnderTest {

    /** The contract target id ({@code mvc-platform}, ...): expected in {@code X-IO-Model} and {@code iomodel}. */
    String id();

    /** Scheme, host, port and an optional path prefix (no trailing slash) that every contract path is appended to. */
    URI baseUri();

    /** What test reports show in brackets; defaults to the id (a gateway route may say {@code gateway/mvc-virtual}). */
    default String label() {
        return id();
    }

    /**
     * The process that answers this target's connections, for the rules about that process itself
     * ({@link OncePerServer}): by default the target's own; behind a gateway, the gateway's, shared by its routes.
     */
    default String server() {
        return label();
    }

    /**
     * True when something in front of the target answers the socket (a gateway route): its HTTP parser, not
     * the target's, then decides the RFC 9112 either-choice cases, so target-specific parser rules (plain-io
     * rejects every one) do not apply. Default: a label other than the id, or a base URI with a path prefix.
     */
    default boolean proxied() {
        String prefix = baseUri().getRawPath();
        return !label().equals(id()) || (prefix != null && !prefix.isEmpty() && !prefix.equals("/"));
    }

    /**
     * Where the target's management port answers health and metrics on threads of its own (scheme, host, port):
     * known for a launched target, empty for a URL target unless given ({@value ConfiguredTargets#MANAGEMENT_URL}).
     */
    default Optional<URI> managementUri() {
        return Optional.empty();
    }

    /** The data directory on this machine, when the suite launched the target itself. */
    default Optional<Path> dataDir() {
        return Optional.empty();
    }

    /** A file next to (outside) the data directory whose bytes must never be served; only for launched targets. */
    default Optional<Path> outsideSecret() {
        return Optional.empty();
    }

    /** Starts a fresh, dedicated instance of this target (for tests that kill it); empty for URL targets. */
    default Optional<TargetLauncher> launcher() {
        return Optional.empty();
    }

    /**
     * Starts a fresh process of the target itself on a data directory and with a command prefix the caller
     * chooses, for fault tests (disk full, kill -9 and restart, few file descriptors); empty when the suite does
     * not run this target as a local process (a URL, a gateway route, a container).
     */
    default Optional<ProcessLauncher> processLauncher() {
        return Optional.empty();
    }

    /** The request-target for a contract path: the base path prefix plus {@code pathAndQuery}. */
    default String path(String pathAndQuery) {
        String prefix = baseUri().getRawPath() == null ? "" : baseUri().getRawPath();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + pathAndQuery;
    }

    /** The absolute URI for a contract path (already percent-encoded). */
    default URI uri(String pathAndQuery) {
        URI base = baseUri();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path(pathAndQuery));
    }

    /** Host and port for raw sockets. */
    default String host() {
        return baseUri().getHost();
    }

    default int port() {
        int port = baseUri().getPort();
        return port > 0 ? port : 80;
    }

    /** The value to send in a {@code Host} header. */
    default String hostHeader() {
        return baseUri().getRawAuthority();
    }
}
