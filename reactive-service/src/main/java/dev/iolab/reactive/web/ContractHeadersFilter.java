package dev.iolab.reactive.web;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Rejects an HTTP/1.1 request without Host, which Reactor Netty lets through (RFC 9112 §3.2: MUST answer 400).
 * A filter, not a Netty handler, so the 400 keeps its place among pipelined responses. Also stamps
 * {@code X-IO-Model} early (ContractResponseHeaders adds it at the Netty level anyway). Allocation-free.
 */
@Component
class ContractHeadersFilter implements WebFilter, Ordered {

    private final String targetId;

    ContractHeadersFilter(Target target) {
        this.targetId = target.id();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
        responseHeaders.set(Headers.X_IO_MODEL, targetId);
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getHeaders().containsHeader(HttpHeaders.HOST) && isHttp11(request)) {
            // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks a Host header field
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            responseHeaders.set(HttpHeaders.CONNECTION, "close");
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    private static boolean isHttp11(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        return !(nativeRequest instanceof HttpServerRequest netty) || HttpVersion.HTTP_1_1.equals(netty.version());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
