package dev.iolab.blocking.server;

import dev.iolab.contract.EngineErrors;
import dev.iolab.contract.Limits;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The contract's request-line limit ({@link Limits#MAX_REQUEST_LINE_BYTES}), which Tomcat lacks: its one
 * limit covers request line and headers together. A longer line is 414 (RFC 9112 §3: a server that
 * receives a request-target longer than it wishes to parse responds 414), with the body of an engine's refusal
 * ({@link EngineErrors}). A few length additions per request.
 */
public final class RequestLineLimitFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (requestLineLength(http) > Limits.MAX_REQUEST_LINE_BYTES) {
            // the limit an engine would enforce: answered the way the engines' own refusals are (EngineErrors)
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setStatus(HttpServletResponse.SC_REQUEST_URI_TOO_LONG);
            answer.setContentType(EngineErrors.CONTENT_TYPE);
            byte[] body = EngineErrors.body(HttpServletResponse.SC_REQUEST_URI_TOO_LONG);
            answer.setContentLength(body.length);
            answer.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code method SP request-target SP HTTP-version}, as sent (the URI and query are still encoded). */
    static int requestLineLength(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getMethod().length()
                + 1
                + request.getRequestURI().length()
                + (query != null ? 1 + query.length() : 0)
                + 1
                + request.getProtocol().length();
    }
}
