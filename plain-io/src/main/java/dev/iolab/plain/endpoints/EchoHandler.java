package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.contract.QueryParameters;

/** {@code GET /echo?msg=} answers the decoded text; {@code POST /echo} streams the body back as it arrives ({@link EchoExchange}). */
final class EchoHandler {

    private EchoHandler() {}

    static Exchange get(HttpConnection c, String query) {
        String text;
        try {
            text = QueryParameters.first(query, Endpoints.ECHO_PARAM);
        } catch (IllegalArgumentException malformed) {
            return FixedExchange.status(c, Endpoints.ECHO, 400);
        }
        if (text == null) {
            text = "";
        }
        return FixedExchange.text(c, Endpoints.ECHO, 200, MediaTypes.TEXT_PLAIN_UTF8, text);
    }

    static Exchange post(HttpConnection c) {
        if (c.head().contentLength() > Limits.MAX_ECHO_BYTES) {
            return FixedExchange.status(c, Endpoints.ECHO, 413).closing(); // known up front: refuse, never read it
        }
        return new EchoExchange(c);
    }
}
