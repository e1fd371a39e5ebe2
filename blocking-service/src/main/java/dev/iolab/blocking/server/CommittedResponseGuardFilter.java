package dev.iolab.blocking.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Lets an error page replace a body only when nothing of it was sent. Runs on the ERROR and INCLUDE
 * dispatches only, so ordinary requests never pass through it.
 * <ul>
 * <li>Committed: a handler failed mid-body (an echo past its limit, a broken chunk). Tomcat would include
 * the error page into the body already sent, appending JSON to echoed bytes; skipping it lets Tomcat close
 * the connection without the last chunk instead, the only honest end of a truncated response (RFC 9112 §7.1).
 * <li>Not committed: the Content-Type and Content-Length a handler set describe the body it will not send
 * (an echo's octet-stream would even stop the JSON error page, turning a 400 into a 500): cleared.
 * </ul>
 */
public final class CommittedResponseGuardFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            return;
        }
        // Tomcat clears both on null and -1.
        response.setContentType(null);
        response.setContentLengthLong(-1);
        chain.doFilter(request, response);
    }
}
