package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.plain.endpoints.HttpConnection.Step;
import java.nio.ByteBuffer;

/**
 * {@code GET /delay?ms=N}: answers after N ms. The exchange only says until when it waits ({@code WAIT});
 * a blocking model sleeps on its own thread, an event loop arms a timer and serves others meanwhile.
 */
final class DelayHandler {

    private DelayHandler() {
    }

    static Exchange delay(HttpConnection c, String query) {
        String raw = PercentDecoding.rawParam(query, Endpoints.DELAY_PARAM);
        int ms = parse(raw);
        if (ms < 0) {
            return FixedExchange.status(c, Endpoints.DELAY, 400);
        }
        return new DelayExchange(c, System.nanoTime() + ms * 1_000_000L);
    }

    /** 0..MAX_DELAY_MS as plain decimal digits, else -1. */
    static int parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 5) {
            return -1;
        }
        int ms = 0;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            ms = ms * 10 + (ch - '0');
        }
        return ms <= Limits.MAX_DELAY_MS ? ms : -1;
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
