package dev.iolab.blocking.server;

import dev.iolab.contract.Limits;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO protocol plus the one slowloris guard it lacks: a deadline for the whole request head
 * ({@link Limits#HEADER_READ_TIMEOUT}). Tomcat's {@code connectionTimeout} bounds each read, so a client that trickles
 * a header line a second is never closed (issue 12 item 3). Once a second this finds the connections still waiting
 * for the rest of a head whose first byte came longer ago than the deadline and closes them the way Tomcat's poller
 * closes a connection whose read timed out (an error event). Tomcat's own read-timeout check cannot be borrowed: it
 * skips a connection while a read event for it is being handled, which for a client trickling exactly once a second
 * can be every time it looks.
 *
 * <p>Which connections those are: while a head is incomplete, Tomcat parks its processor on the connection (its LONG
 * state) between reads. A request being served is not parked (a worker thread holds its processor, body reads
 * included) unless it is asynchronous or upgraded, which are left alone; between keep-alive requests the processor
 * is released and the request's start time reset.
 */
public class HeadDeadlineProtocol extends Http11NioProtocol {

    private final long deadlineNanos = Limits.HEADER_READ_TIMEOUT.toNanos();
    private ScheduledExecutorService sweeper;

    @Override
    public void start() throws Exception {
        super.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("tomcat-head-deadline").unstarted(r));
        sweeper.scheduleWithFixedDelay(this::expireSlowHeads, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() throws Exception {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        super.stop();
    }

    /** Times out every connection whose request head has been arriving for longer than the deadline. */
    void expireSlowHeads() {
        long now = System.nanoTime();
        AbstractEndpoint<NioChannel, ?> endpoint = getEndpoint();
        for (SocketWrapperBase<NioChannel> connection : endpoint.getConnections()) {
            if (connection.getCurrentProcessor() instanceof AbstractProcessor parked
                    && !parked.isAsync()
                    && !parked.isUpgrade()
                    && headTooSlow(parked.getRequest().getStartTimeNanos(), now)) {
                // what Tomcat's poller does with a read that timed out: an error event, processed on a worker thread
                // under the connection's lock, which closes it
                connection.setError(new SocketTimeoutException(
                        "request head not complete within " + Limits.HEADER_READ_TIMEOUT.toSeconds() + " s"));
                endpoint.processSocket(connection, SocketEvent.ERROR, true);
            }
        }
    }

    /** A head begun ({@code start}: Tomcat marks it at the first byte, -1 before) longer ago than the deadline. */
    boolean headTooSlow(long start, long now) {
        return start > 0 && now - start > deadlineNanos;
    }
}
