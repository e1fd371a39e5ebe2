package dev.iolab.plain.endpoints;

import dev.iolab.contract.DelayParameter;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import java.nio.ByteBuffer;

/**
 * {@code GET /delay?ms=N}: answers after N ms. The exchange only says until when it waits ({@code WAIT});
 * a blocking model sleeps on its own thread, an event loop arms a timer and serves others meanwhile.
 */
final class DelayHandler {

    private DelayHandler() {}

    static Exchange delay(HttpConnection c, String query) {
        int ms = DelayParameter.millis(query);
        if (ms == DelayParameter.INVALID) {
            return FixedExchange.status(c, Endpoints.DELAY, 400);
        }
        return new DelayExchange(c, System.nanoTime() + ms * 1_000_000L);
    }

    /** Waits for its deadline, then answers {@code ok}. */
    static final class DelayExchange extends Exchange {

        private final long deadline;
        private Exchange reply;

        DelayExchange(HttpConnection c, long deadline) {
            super(c, Endpoints.DELAY);
            this.deadline = deadline;
        }

        @Override
        Step advance(ByteBuffer in, ByteBuffer out) {
            if (reply == null) {
                if (System.nanoTime() - deadline < 0) {
                    connection.waitUntil(deadline);
                    return Step.WAIT;
                }
                reply = FixedExchange.text(connection, uri, 200, MediaTypes.TEXT_PLAIN, Endpoints.DELAY_BODY);
            }
            return delegate(reply, in, out);
        }
    }
}
