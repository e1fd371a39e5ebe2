package dev.iolab.blocking.echo;

import dev.iolab.blocking.IolabProperties;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.contract.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@code /echo} on the request's own thread: GET sends {@code msg} back, POST copies the body from the
 * request stream to the response stream through one bounded buffer, blocking on each read and write.
 */
@Controller
public class EchoHandler {

    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;

    EchoHandler(IolabProperties properties) {
        this.maxBytes = properties.maxEchoBytes();
    }

    // Writes straight to the servlet response: no message-converter negotiation on the hot path.
    // HEAD listed explicitly so that a 405 names it in Allow.
    @RequestMapping(
            path = Endpoints.ECHO,
            method = {RequestMethod.GET, RequestMethod.HEAD})
    public void echoQuery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String msg;
        try {
            msg = QueryParameters.first(request.getQueryString(), Endpoints.ECHO_PARAM);
        } catch (IllegalArgumentException malformed) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, malformed.getMessage());
            return;
        }
        byte[] body = msg == null ? EMPTY : msg.getBytes(StandardCharsets.UTF_8);
        response.setContentType(MediaTypes.TEXT_PLAIN_UTF8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @PostMapping(Endpoints.ECHO)
    public void echoBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            // Known up front: refuse before reading a byte (Tomcat swallows or closes the rest).
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        InputStream in = request.getInputStream();
        byte[] buffer = new byte
                [(int) (length >= 0 ? Math.clamp(length, 1, Limits.STREAM_BUFFER_BYTES) : Limits.STREAM_BUFFER_BYTES)];
        // With a Content-Length, read exactly that much: once the response has as many bytes Tomcat
        // completes it and closes the request stream, so one more read() would fail instead of returning -1.
        long remaining = length >= 0 ? length : Long.MAX_VALUE;
        // The first read comes before any header is set: a body Tomcat cannot decode (bad chunk syntax)
        // makes Tomcat answer 400 itself, and its error page needs a response nothing was set on.
        int n = read(in, buffer, remaining);
        String type = request.getContentType();
        response.setContentType(type != null ? type : MediaTypes.OCTET_STREAM);
        if (length >= 0) {
            // Same framing as the request: Content-Length in, Content-Length out; chunked in, chunked out.
            response.setContentLengthLong(length);
        }
        OutputStream out = response.getOutputStream();
        long total = 0;
        while (n != -1) {
            remaining -= n;
            total += n;
            if (total > maxBytes) {
                tooLargeMidStream(response);
                return;
            }
            out.write(buffer, 0, n);
            n = read(in, buffer, remaining);
        }
    }

    /** Reads at most {@code remaining} bytes; -1 at the end of the body. */
    private static int read(InputStream in, byte[] buffer, long remaining) throws IOException {
        return remaining > 0 ? in.read(buffer, 0, (int) Math.min(buffer.length, remaining)) : -1;
    }

    /**
     * A chunked body passed the limit. Before the response is committed a 413 can still be sent;
     * after it, the only honest signal is to abort: the exception makes Tomcat close the connection
     * without the last chunk, so the client cannot take the truncated echo for a whole one
     * (RFC 9112 §7.1: an incomplete chunked message).
     */
    private static void tooLargeMidStream(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        throw new EchoAbortedException("echo body passed the limit after the response had begun");
    }
}
