package dev.iolab.blocking.management;

import dev.iolab.contract.Endpoints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.catalina.connector.Connector;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management port serves health and metrics only: any other path there is 404, so the service's endpoints
 * (a flood of {@code /delay}) can never reach the threads that exist to stay free of them.
 */
final class ManagementPathsFilter extends OncePerRequestFilter {

    static final Set<String> PATHS =
            Set.of(Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS, Endpoints.PROMETHEUS);

    private final Connector management;

    ManagementPathsFilter(Connector management) {
        this.management = management;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getLocalPort() == management.getLocalPort() && !PATHS.contains(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
