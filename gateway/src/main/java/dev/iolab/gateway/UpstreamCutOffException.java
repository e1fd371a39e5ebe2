package dev.iolab.gateway;

/**
 * The upstream's response ended before its framing said it was complete. Deliberately not named or worded
 * like a client disconnect and without a cause: Spring's DisconnectedClientHelper matches names and messages
 * ("Connection reset by peer") down the cause chain, takes such an error for a client that went away, and then
 * lets the response complete normally, final chunk included.
 */
final class UpstreamCutOffException extends RuntimeException {

    /** {@code how}: what the upstream connection did, e.g. the simple name of the error it failed with. */
    UpstreamCutOffException(String routeId, String how) {
        super("upstream " + routeId + " ended its response before the last part (" + how + ")", null, false, false);
    }
}
