package dev.iolab.blocking.management;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * The management connector's protocol: Tomcat NIO on a small pool of its own, which Boot's graceful shutdown does
 * not pause. Boot pauses every connector of the server when it drains; this one keeps answering, so a probe sees
 * readiness 503 during the drain instead of a refused connection, and it closes when Tomcat stops, last.
 */
final class ManagementProtocol extends Http11NioProtocol {

    /** Probes and scrapes, not load: two threads answer them, four at most. */
    static final int MAX_THREADS = 4;

    static final int MAX_CONNECTIONS = 64;

    ManagementProtocol() {
        setMaxThreads(MAX_THREADS);
        setMinSpareThreads(2);
        setMaxConnections(MAX_CONNECTIONS);
        setAcceptCount(MAX_CONNECTIONS);
    }

    @Override
    public void pause() {
        // stays open during the graceful drain (see the class comment); stop() still closes it
    }

    @Override
    public void closeServerSocketGraceful() {
        // likewise: the listening socket stays until Tomcat stops
    }
}
