package dev.iolab.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns an upstream that cannot answer into the proxy status RFC 9110 §15.6 names for it: refused,
 * unresolvable or not connected within the connect timeout is 503, no response within the response timeout is 504,
 * a connection closed or reset before a response is 502. Spring Cloud Gateway alone answers 500 to the first.
 */
@Component
class UpstreamFailureFilter implements GlobalFilter, Ordered {

    /** Inside the metrics filter (order 0), so the per-route timer records the mapped status. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 2;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> {
            HttpStatus status = statusFor(error);
            ServerHttpResponse response = exchange.getResponse();
            if (status == null || response.isCommitted()) {
                // Unknown failure, or the body already started: let it propagate (the connection is then aborted).
                return Mono.error(error);
            }
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String routeId = route == null ? "?" : route.getId();
            // A body the upstream did not read to its end is still arriving on this connection: its rest would be
            // read as the next request, so the answer closes the connection (RFC 9112 §9.6) instead of leaving a
            // half-sent upload to the keep-alive timeout.
            return GatewayAnswer.write(
                    response,
                    status,
                    "upstream " + routeId + " " + reason(status),
                    declaresBody(exchange.getRequest().getHeaders()));
        });
    }

    /** True when the request announced a body (a length above zero, or a transfer coding). */
    static boolean declaresBody(org.springframework.http.HttpHeaders headers) {
        return headers.getContentLength() > 0
                || headers.containsHeader(org.springframework.http.HttpHeaders.TRANSFER_ENCODING);
    }

    /** The proxy status for an upstream failure, or null when the failure is not the upstream's. */
    static HttpStatus statusFor(Throwable error) {
        if (error instanceof ConnectException
                || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (error instanceof TimeoutException
                || error instanceof ReadTimeoutException
                || error instanceof ResponseStatusException rse
                        && rse.getStatusCode().value() == 504) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        // Closed or reset before answering. A reset must not escape as is: Spring would take its
        // "Connection reset by peer" for a client that went away and let an empty 200 complete.
        if (error instanceof PrematureCloseException
                || error instanceof IOException
                || error instanceof AbortedException) {
            return HttpStatus.BAD_GATEWAY;
        }
        return null;
    }

    private static String reason(HttpStatus status) {
        return switch (status) {
            case SERVICE_UNAVAILABLE -> "is not reachable";
            case GATEWAY_TIMEOUT -> "did not answer within the response timeout";
            default -> "closed the connection before answering";
        };
    }
}
