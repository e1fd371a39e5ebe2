package dev.iolab.blocking.echo;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Runs on the ERROR and INCLUDE dispatches only: an aborted echo must not get an error page, because Tomcat would
 * include it into the body already streaming (appending JSON to the echoed bytes) before closing.
 */
public final class AbortedEchoFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof EchoAbortedException) {
            return;
        }
        chain.doFilter(request, response);
    }
}
