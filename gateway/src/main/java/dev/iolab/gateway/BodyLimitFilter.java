package dev.iolab.gateway;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The contract's request-body limits enforced by the gateway itself (like nginx's client_max_body_size), so
 * that the upstream never receives byte limit+1 and never has to answer early while the gateway is still
 * sending: a declared Content-Length over the limit is 413 without contacting the upstream; a chunked body
 * that passes it aborts the upstream exchange (the target sees a truncated body and stores nothing) and is
 * 413 if no response has begun, else the client's response is cut off ({@link CompleteResponseFilter}).
 * Runs after the route's StripPrefix, so it sees the target's path.
 */
final class BodyLimitFilter implements GatewayFilter, Ordered {

    /** Inside {@link UpstreamFailureFilter}, so an aborted upstream exchange is answered here, not as a 502. */
    static final int ORDER = UpstreamFailureFilter.ORDER + 1;
    /** Exchange attribute holding the limit a chunked body passed (set the moment it does). */
    static final String EXCEEDED_ATTR = BodyLimitFilter.class.getName() + ".exceeded";
    /** No limit for this method and path. */
    static final long NONE = -1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The contract's body limit of {@code method} on the target path {@code path}, or {@link #NONE}. */
    static long limitFor(HttpMethod method, String path) {
        if (HttpMethod.POST.equals(method) && Endpoints.ECHO.equals(path)) {
            return Limits.MAX_ECHO_BYTES;
        }
        if (HttpMethod.PUT.equals(method) && Endpoints.FILES_TEMPLATE.equals(Endpoints.uriTemplate(path))) {
            return Limits.MAX_UPLOAD_BYTES;
        }
        return NONE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(
                request.getMethod(), request.getPath().pathWithinApplication().value());
        if (limit == NONE) {
            return chain.filter(exchange);
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            // Known up front: refuse without reading the body or contacting the upstream (contract: 413, may close).
            return tooLarge(exchange, limit);
        }
        if (declared >= 0) {
            return chain.filter(exchange); // Netty frames exactly the declared bytes: nothing to count
        }
        ServerHttpRequest limited = new LimitedRequestBody(
                request, limit, () -> exchange.getAttributes().put(EXCEEDED_ATTR, limit));
        return chain.filter(exchange.mutate().request(limited).build())
                .onErrorResume(
                        error -> exceeded(exchange) && !exchange.getResponse().isCommitted()
                                ? tooLarge(exchange, limit)
                                : Mono.error(error))
                // The aborted upstream exchange may also just end without a response: still 413.
                .then(Mono.defer(() -> exceeded(exchange)
                                && !exchange.getResponse().isCommitted()
                                && exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null
                        ? tooLarge(exchange, limit)
                        : Mono.empty()));
    }

    static boolean exceeded(ServerWebExchange exchange) {
        return exchange.getAttribute(EXCEEDED_ATTR) != null;
    }

    /** The contract's 413, from the gateway, closing the connection (the rest of the body is never read). */
    static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return GatewayAnswer.write(
                exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "request body over " + limit + " bytes", true);
    }
}
