package dev.iolab.blocking.server;

import dev.iolab.contract.Headers;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stamps {@code X-IO-Model: <target id>} on every response the application produces, error pages
 * included (it also runs on the ERROR dispatch), with one header set and nothing else per request.
 */
public final class IoModelHeaderFilter implements Filter {

    private final String targetId;

    public IoModelHeaderFilter(String targetId) {
        this.targetId = targetId;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).setHeader(Headers.X_IO_MODEL, targetId);
        chain.doFilter(request, response);
    }
}
