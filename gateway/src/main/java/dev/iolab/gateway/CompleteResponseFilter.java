package dev.iolab.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Never lets an upstream response that ended before its framing said so (connection closed or reset before
 * the last chunk or the Content-Length bytes) reach the client as whole: the proxied body then fails instead
 * of completing, so Reactor Netty closes the client's connection without the final chunk. Needed because when
 * sending the request body to the upstream fails after its response began, Reactor Netty's client completes
 * that response's body as if it had ended ({@code ChannelOperations.onOutboundError} terminates the inbound).
 * The upstream's last part arrived exactly when {@link HttpClientResponse#trailerHeaders()} has a value. A
 * failed upstream read is reported as {@link UpstreamCutOffException} too: Spring would take its
 * "Connection reset by peer" for a client disconnect and complete the response.
 */
@Component
class CompleteResponseFilter implements GlobalFilter, Ordered {

    /** Just outside {@link NettyWriteResponseFilter}, which writes the upstream's body to the response it is given. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Checked(exchange)).build())
                .onErrorResume(UpstreamCutOffException.class, error -> {
                    ServerHttpResponse response = exchange.getResponse();
                    if (response.isCommitted()) {
                        return Mono.error(error); // the body has begun: abort the client's connection
                    }
                    if (BodyLimitFilter.exceeded(exchange)) {
                        return BodyLimitFilter.tooLarge(exchange, exchange.getAttribute(BodyLimitFilter.EXCEEDED_ATTR));
                    }
                    return GatewayAnswer.write(response, HttpStatus.BAD_GATEWAY, error.getMessage(), true);
                });
    }

    /** True when the upstream's response arrived up to its last part (never for a cut-off one). */
    static boolean ended(HttpClientResponse upstream) {
        AtomicBoolean ended = new AtomicBoolean();
        // An emitted value is replayed synchronously on subscription; a pending one is not waited for.
        upstream.trailerHeaders().subscribe(trailers -> ended.set(true)).dispose();
        return ended.get();
    }

    /** The response with every proxied upstream body checked for completeness at its end. */
    private static final class Checked extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Checked(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return super.writeWith(checked(Flux.from(body)));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return super.writeAndFlushWith(checked(Flux.from(body)));
        }

        private <T> Flux<T> checked(Flux<T> body) {
            HttpClientResponse upstream = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
            if (upstream == null) {
                return body; // the gateway's own answer
            }
            String route = routeId(exchange);
            // A failed upstream read (reset: "Connection reset by peer") must not pass as a client disconnect.
            return body.onErrorMap(
                            error -> !(error instanceof UpstreamCutOffException),
                            error -> new UpstreamCutOffException(
                                    route, error.getClass().getSimpleName()))
                    .concatWith(Mono.defer(() -> ended(upstream)
                            ? Mono.empty()
                            : Mono.error(new UpstreamCutOffException(route, "closed without its last part"))));
        }
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "?" : route.getId();
    }
}
