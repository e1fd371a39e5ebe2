package dev.iolab.blocking.server;

import dev.iolab.contract.EngineErrors;
import dev.iolab.contract.Headers;
import dev.iolab.contract.TransferCoding;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Writes the errors Tomcat answers by itself (a bad request line, an invalid or oversized head, an encoded
 * slash, an unreadable Transfer-Encoding: nothing of the application ran) the contract's way: {@code X-IO-Model}
 * and {@link EngineErrors#text}, instead of Tomcat's HTML page. An error the application already wrote a body
 * for (Spring's error JSON) is left alone, as Tomcat's own valve does.
 */
final class ContractErrorReportValve extends ErrorReportValve {

    private final String targetId;

    ContractErrorReportValve(String targetId) {
        this.targetId = targetId;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the checks of Tomcat's own report(): only an error nobody has written a body for, only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // RFC 9112 §6.3: chunked not final is 400; Tomcat says 501 for a lone unknown coding (identity, x-chunked)
        if (status == 501
                && TransferCoding.verdict(Collections.list(request.getHeaders("Transfer-Encoding")))
                        == TransferCoding.Verdict.MALFORMED) {
            status = 400;
            response.setStatus(status);
        }
        response.setHeader(Headers.X_IO_MODEL, targetId);
        // In its error state Tomcat closes the connection after this answer, but says so only for the statuses it
        // knows drop the connection (400, 413, 501...), not for e.g. its 417 to an unknown expectation: announce the
        // close, or a client or proxy pooling the connection (the gateway) sends its next request into a dead socket.
        AtomicBoolean closing = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_ERROR, closing);
        if (closing.get()) {
            response.setHeader("Connection", "close");
        }
        response.setContentType(EngineErrors.CONTENT_TYPE);
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(EngineErrors.text(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell it
        }
    }
}
